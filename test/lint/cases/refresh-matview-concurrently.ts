import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint, total numeric); CREATE MATERIALIZED VIEW order_totals AS SELECT account_id, sum(total) AS total FROM orders GROUP BY account_id; CREATE UNIQUE INDEX order_totals_account_id_key ON order_totals (account_id);",
  valid: [
    "REFRESH MATERIALIZED VIEW CONCURRENTLY order_totals;",
    "CREATE MATERIALIZED VIEW daily AS SELECT 1 AS d WITH NO DATA; REFRESH MATERIALIZED VIEW daily; CREATE UNIQUE INDEX daily_d_key ON daily (d); REFRESH MATERIALIZED VIEW CONCURRENTLY daily;",
    "REFRESH MATERIALIZED VIEW order_totals WITH NO DATA;",
  ],
  invalid: [
    { sql: "REFRESH MATERIALIZED VIEW order_totals;", findings: 1 },
    { sql: "CREATE MATERIALIZED VIEW daily AS SELECT 1 AS d; CREATE UNIQUE INDEX daily_d_key ON daily ((d + 0)); REFRESH MATERIALIZED VIEW CONCURRENTLY daily;", findings: 1 },
    { sql: "CREATE MATERIALIZED VIEW daily AS SELECT 1 AS d WITH NO DATA; CREATE UNIQUE INDEX daily_d_key ON daily (d); REFRESH MATERIALIZED VIEW CONCURRENTLY daily;", findings: 1 },
  ],
} satisfies RuleCases;
