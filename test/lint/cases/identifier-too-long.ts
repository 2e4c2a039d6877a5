import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "CREATE TABLE customer_orders (id bigint PRIMARY KEY);",
    `COMMENT ON TABLE customer_orders IS '${"a string literal is not an identifier and may be as long as it likes, ".repeat(2)}';`,
  ],
  invalid: [
    { sql: `CREATE TABLE ${"a".repeat(64)} (id bigint PRIMARY KEY);`, findings: 1 },
    { sql: `CREATE INDEX "${"é".repeat(32)}" ON customer_orders (id);`, findings: 1 },
  ],
} satisfies RuleCases;
