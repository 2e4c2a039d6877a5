import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE customers (id bigint PRIMARY KEY);",
  valid: [
    "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers); CREATE INDEX orders_customer_id_idx ON orders (customer_id);",
    "CREATE TABLE orders (customer_id bigint REFERENCES customers, n int, PRIMARY KEY (customer_id, n));",
  ],
  invalid: [
    { sql: "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers);", findings: 1 },
    { sql: "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers); CREATE INDEX o ON orders (id, customer_id);", findings: 1 },
  ],
} satisfies RuleCases;
