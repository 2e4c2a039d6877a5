import type { RuleCases } from "./case-types.js";

export default {
  valid: ["ALTER TABLE orders ADD COLUMN note text;", "ALTER TABLE orders DROP CONSTRAINT orders_note_check;"],
  invalid: [{ sql: "ALTER TABLE orders DROP COLUMN note;", findings: 1 }, { sql: "ALTER TABLE orders DROP COLUMN a, DROP COLUMN IF EXISTS b;", findings: 2 }],
} satisfies RuleCases;
