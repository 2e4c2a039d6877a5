import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE orders (id bigint PRIMARY KEY, code varchar(20), total numeric);",
  valid: [
    "ALTER TABLE orders ALTER COLUMN code TYPE varchar(50); ANALYZE orders;",
    "ALTER TABLE orders ALTER COLUMN code TYPE text, ALTER COLUMN total TYPE numeric(14,2); VACUUM (ANALYZE) orders (code, total);",
    "CREATE TABLE staging (a int); ALTER TABLE staging ALTER COLUMN a TYPE bigint;",
  ],
  invalid: [
    { sql: "ALTER TABLE orders ALTER COLUMN code TYPE varchar(50);", findings: 1 },
    { sql: "ALTER TABLE orders ALTER COLUMN code TYPE text, ALTER COLUMN total TYPE numeric(14,2); ANALYZE orders (code); VACUUM (ANALYZE false) orders;", findings: 1 },
  ],
} satisfies RuleCases;
