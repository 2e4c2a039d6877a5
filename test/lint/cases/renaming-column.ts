import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE orders (id bigint PRIMARY KEY, note text);",
  valid: [
    "CREATE TABLE items (id bigint, label text); ALTER TABLE items RENAME COLUMN label TO name;",
    "ALTER TABLE orders ADD COLUMN comment text;",
    "ALTER INDEX orders_pkey RENAME TO orders_pk;",
  ],
  invalid: [
    { sql: "ALTER TABLE orders RENAME COLUMN note TO comment;", findings: 1 },
    { sql: 'ALTER TABLE IF EXISTS "Sales"."Orders" RENAME "Note" TO note;', findings: 1 },
  ],
} satisfies RuleCases;
