import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint);",
  valid: [
    "CREATE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id);",
    "DROP INDEX CONCURRENTLY IF EXISTS orders_customer_id_idx;\nCREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_id_idx ON orders (customer_id);",
    "CREATE INDEX IF NOT EXISTS orders_customer_id_idx ON orders (customer_id);",
  ],
  invalid: [
    { sql: "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_id_idx ON orders (customer_id);", findings: 1 },
    {
      sql: "DROP INDEX CONCURRENTLY IF EXISTS orders_other_idx;\nCREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_id_key ON public.orders (customer_id);",
      findings: 1,
    },
  ],
} satisfies RuleCases;
