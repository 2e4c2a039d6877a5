import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE orders (id bigint PRIMARY KEY, total text, status text, \"Status\" text);",
  valid: [
    "ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2) USING total::numeric(12,2);",
    "ALTER TABLE orders ALTER COLUMN status TYPE int USING CASE status WHEN 'new' THEN 0 ELSE 1 END;",
    "ALTER TABLE orders ALTER COLUMN id TYPE numeric;",
    "CREATE TABLE items (qty text);\nALTER TABLE items ALTER COLUMN qty TYPE int USING 0;",
  ],
  invalid: [
    { sql: "ALTER TABLE orders ALTER COLUMN total TYPE bigint USING 0;", findings: 1 },
    { sql: "ALTER TABLE orders ALTER COLUMN \"Status\" TYPE int USING status::int;", findings: 1 },
  ],
} satisfies RuleCases;
