import type { RuleCases } from "./case-types.js";

export default {
  valid: ["ALTER TABLE orders REPLICA IDENTITY DEFAULT;", "ALTER TABLE orders REPLICA IDENTITY USING INDEX orders_code_key;"],
  invalid: [
    { sql: "ALTER TABLE orders REPLICA IDENTITY FULL;", findings: 1 },
    { sql: "CREATE TABLE audit (id bigint); ALTER TABLE audit REPLICA IDENTITY NOTHING;", findings: 1 },
  ],
} satisfies RuleCases;
