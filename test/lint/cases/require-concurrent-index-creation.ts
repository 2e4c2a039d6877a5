import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint);",
  valid: [
    "CREATE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id);",
    "CREATE TABLE items (id bigint PRIMARY KEY, sku text); CREATE INDEX items_sku_idx ON items (sku);",
  ],
  invalid: [{ sql: "CREATE INDEX orders_customer_id_idx ON orders (customer_id);", findings: 1 }, { sql: "create unique index o_idx on orders (id, customer_id);", findings: 1 }],
} satisfies RuleCases;
