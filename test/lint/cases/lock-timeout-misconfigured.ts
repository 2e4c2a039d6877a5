import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "SET lock_timeout = '5s'; ALTER TABLE orders ADD COLUMN note text;",
    "BEGIN; SET LOCAL lock_timeout = 2000; ALTER TABLE orders ADD COLUMN note text; COMMIT; RESET lock_timeout;",
    "CREATE TABLE staging (id bigint); ALTER TABLE staging ADD COLUMN v text; SET lock_timeout TO '1.5s';",
  ],
  invalid: [
    { sql: "SET lock_timeout = 0;", findings: 1 },
    { sql: "SET lock_timeout TO '1min'; SET LOCAL lock_timeout = '3s';", findings: 2 },
    { sql: "ALTER TABLE orders ADD COLUMN note text; SET lock_timeout = '5s'; ALTER TABLE orders DROP COLUMN total;", findings: 1 },
  ],
} satisfies RuleCases;
