import type { RuleCases } from "./case-types.js";

const TABLES =
  "CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers);\nINSERT INTO customers SELECT generate_series(1, 20);\nINSERT INTO orders SELECT g, 1 + g % 10 FROM generate_series(1, 100) g;";

export default {
  valid: [],
  invalid: [],
  live: {
    valid: [
      { sql: `${TABLES}\nCREATE INDEX orders_customer_id_idx ON orders (customer_id);\nDELETE FROM customers WHERE id = 20;`, options: { minRows: 10 } },
      // Unindexed and exercised, but the referencing table is small (default minRows 10 000).
      { sql: `${TABLES}\nDELETE FROM customers WHERE id = 20;` },
      // Unindexed, but nothing deletes customers or scans orders.
      { sql: TABLES, options: { minRows: 10 } },
    ],
    invalid: [
      { sql: `${TABLES}\nDELETE FROM customers WHERE id = 20;`, options: { minRows: 10 }, findings: 1 },
      { sql: `${TABLES}\nSELECT count(*) FROM orders WHERE customer_id = 3;`, options: { minRows: 10 }, findings: 1 },
    ],
  },
} satisfies RuleCases;
