import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE customers (id bigint PRIMARY KEY); CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, total numeric);",
  valid: [
    "SET statement_timeout = '30min';\nCREATE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id);",
    "BEGIN;\nSET LOCAL statement_timeout = '10min';\nALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;\nCOMMIT;",
    "ALTER TABLE orders ADD COLUMN note text, ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;\nVACUUM (FULL off, ANALYZE) orders;",
    "CREATE TABLE items (id bigint, sku text); CREATE INDEX items_sku_idx ON items (sku); ALTER TABLE items ALTER COLUMN id TYPE numeric;",
  ],
  invalid: [
    { sql: "CREATE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id);", findings: 1 },
    { sql: "SET statement_timeout = '5min';\nRESET statement_timeout;\nALTER TABLE orders ALTER COLUMN total TYPE bigint;", findings: 1 },
    {
      sql: "BEGIN;\nSET LOCAL statement_timeout = '5min';\nCOMMIT;\nALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id);",
      findings: 1,
    },
  ],
} satisfies RuleCases;
