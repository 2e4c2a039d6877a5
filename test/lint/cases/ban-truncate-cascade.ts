import type { RuleCases } from "./case-types.js";

export default {
  valid: ["TRUNCATE orders, order_lines;", "TRUNCATE ONLY orders RESTRICT;"],
  invalid: [{ sql: "TRUNCATE orders CASCADE;", findings: 1 }, { sql: "TRUNCATE TABLE app.orders, order_lines RESTART IDENTITY CASCADE;", findings: 1 }],
} satisfies RuleCases;
