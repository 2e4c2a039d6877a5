import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "ALTER TABLE users ALTER COLUMN name TYPE varchar(200);",
    "ALTER TABLE users ALTER COLUMN name TYPE text, ALTER COLUMN price TYPE numeric(14, 2);",
    "CREATE TABLE t (id integer); ALTER TABLE t ALTER COLUMN id TYPE bigint;",
  ],
  invalid: [
    { sql: "ALTER TABLE orders ALTER COLUMN id TYPE bigint;", findings: 1 },
    { sql: "ALTER TABLE orders ALTER COLUMN code TYPE text USING code::text, ALTER COLUMN placed_at SET DATA TYPE timestamptz;", findings: 2 },
    { sql: 'ALTER TABLE users ALTER COLUMN name TYPE text COLLATE "C";', findings: 1 },
  ],
} satisfies RuleCases;
