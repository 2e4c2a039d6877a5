import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE customers (id bigint PRIMARY KEY); CREATE TABLE orders (id bigint CONSTRAINT orders_pk PRIMARY KEY, customer_id bigint, total numeric);",
  valid: [
    "CREATE TABLE lines (id bigint CONSTRAINT lines_pk PRIMARY KEY, qty integer NOT NULL DEFAULT 1, CONSTRAINT lines_qty_positive CHECK (qty > 0));",
    "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers; CREATE INDEX orders_customer_idx ON orders (customer_id);",
  ],
  invalid: [
    { sql: "CREATE TABLE lines (id bigint PRIMARY KEY, order_id bigint REFERENCES orders, qty integer CHECK (qty > 0), UNIQUE (order_id, qty));", findings: 4 },
    { sql: "ALTER TABLE orders ADD CHECK (total >= 0); CREATE INDEX ON orders (customer_id);", findings: 2 },
  ],
} satisfies RuleCases;
