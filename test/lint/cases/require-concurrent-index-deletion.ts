import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE orders (id bigint PRIMARY KEY, note text); CREATE INDEX orders_note_idx ON orders (note);",
  valid: [
    "DROP INDEX CONCURRENTLY orders_note_idx;",
    "DROP INDEX CONCURRENTLY IF EXISTS public.orders_note_idx;",
    "CREATE TABLE items (id bigint, sku text); CREATE INDEX items_sku_idx ON items (sku); DROP INDEX items_sku_idx;",
  ],
  invalid: [
    { sql: "DROP INDEX orders_note_idx;", findings: 1 },
    { sql: "DROP INDEX IF EXISTS orders_note_idx, public.orders_gone_idx;", findings: 1 },
    { sql: "BEGIN;\nDROP INDEX orders_note_idx;\nCOMMIT;", findings: 1 },
  ],
} satisfies RuleCases;
