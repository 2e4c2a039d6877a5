import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "UPDATE accounts SET balance = 0, updated_at = now() WHERE id = 1;",
    "UPDATE matrix SET cells[1] = 'x', cells[2] = 'y';",
    "INSERT INTO accounts (id, balance) VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET balance = excluded.balance;",
    "CREATE TABLE a (id bigint, note text); CREATE TABLE b (id bigint); CREATE VIEW v (a_id, b_id) AS SELECT a.id, b.id FROM a JOIN b USING (id);",
    "CREATE TABLE a (id bigint, note text); CREATE TABLE b (id bigint); CREATE TABLE c AS SELECT a.id, b.id AS b_id, 1 AS one, 2, now(), a.note FROM a, b;",
    "SELECT a, a FROM (VALUES (1)) t (a);",
    "CREATE VIEW nums AS VALUES (1, 2), (3, 4);",
  ],
  invalid: [
    { sql: "WITH moved AS (UPDATE accounts SET balance = 0, balance = 1 RETURNING id) SELECT * FROM moved;", findings: 1 },
    { sql: "INSERT INTO accounts (id, id) VALUES (1, 2) ON CONFLICT (id) DO UPDATE SET balance = 1, (balance, note) = (2, 'x');", findings: 2 },
    { sql: "CREATE TABLE t (a integer, b text, a bigint);", findings: 1 },
    { sql: "CREATE SERVER files FOREIGN DATA WRAPPER file_fdw; CREATE FOREIGN TABLE f (a integer, a text) SERVER files;", findings: 1 },
    { sql: "CREATE TABLE a (id bigint); CREATE TABLE b (id bigint); CREATE VIEW v AS SELECT a.id, b.id FROM a, b;", findings: 1 },
    { sql: "CREATE VIEW v (x, x) AS SELECT 1 AS a, 2 AS b;", findings: 1 },
    { sql: "CREATE MATERIALIZED VIEW m AS SELECT 1, 2::int, 3;", findings: 1 },
    { sql: "CREATE TABLE a (id bigint); SELECT id, id INTO copy FROM a;", findings: 1 },
  ],
} satisfies RuleCases;
