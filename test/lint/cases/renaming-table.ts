import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE orders (id bigint PRIMARY KEY, note text);",
  valid: [
    "CREATE TABLE staging (id bigint); ALTER TABLE staging RENAME TO imports;",
    "ALTER TABLE orders RENAME COLUMN note TO comment;",
    "ALTER INDEX orders_pkey RENAME TO orders_pk;",
  ],
  invalid: [
    { sql: "ALTER TABLE orders RENAME TO purchases;", findings: 1 },
    { sql: "alter table if exists sales.orders rename to purchases;", findings: 1 },
  ],
} satisfies RuleCases;
