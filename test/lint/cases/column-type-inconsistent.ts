import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "CREATE TABLE customers (id bigint PRIMARY KEY, email text); CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers, email text);",
    "CREATE TABLE m (id bigint, at date) PARTITION BY RANGE (at); CREATE TABLE m1 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01'); CREATE TABLE base (note text); CREATE TABLE child (extra int) INHERITS (base);",
  ],
  invalid: [
    {
      sql: "CREATE TABLE customers (id bigint PRIMARY KEY, email text); CREATE TABLE orders (id bigint PRIMARY KEY, customer_id integer); CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint, email varchar(200));",
      findings: 2,
    },
  ],
} satisfies RuleCases;
