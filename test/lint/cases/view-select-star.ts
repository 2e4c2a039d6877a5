import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);",
  valid: [
    "CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100;",
    "CREATE VIEW order_count AS SELECT count(*) AS n FROM orders WHERE EXISTS (SELECT * FROM orders o2 WHERE o2.id = orders.id);",
  ],
  invalid: [
    { sql: "CREATE OR REPLACE VIEW all_orders AS SELECT * FROM orders;", findings: 1 },
    { sql: "CREATE VIEW v AS SELECT o.*, 1 AS one FROM orders o UNION ALL SELECT *, 2 FROM orders; CREATE MATERIALIZED VIEW mv AS SELECT (o).* FROM orders o;", findings: 3 },
    // PostgREST's fixtures: `AS TABLE t` is `SELECT * FROM t` (the star has no position; the finding is on the statement).
    { sql: "CREATE VIEW orders_view AS TABLE orders;", findings: 1 },
  ],
} satisfies RuleCases;
