import type { RuleCases } from "./case-types.js";

export default {
  valid: ["CREATE TABLE orders_2020 AS SELECT * FROM orders WHERE created_at < '2021-01-01';", "SELECT count(*) FROM orders;"],
  invalid: [{ sql: "SELECT * INTO orders_2020 FROM orders WHERE created_at < '2021-01-01';", findings: 1 }],
} satisfies RuleCases;
