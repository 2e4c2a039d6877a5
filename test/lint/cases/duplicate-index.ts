import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "CREATE TABLE t (id bigint PRIMARY KEY, a int, b int); CREATE INDEX t_a ON t (a); CREATE INDEX t_a_desc ON t (a DESC); CREATE INDEX t_a_b ON t (a, b); CREATE INDEX t_a_hash ON t USING hash (a); CREATE INDEX t_a_part ON t (a) WHERE b > 0;",
    "CREATE TABLE t (id bigint PRIMARY KEY, a int); CREATE UNIQUE INDEX t_a_u ON t (a); CREATE UNIQUE INDEX t_a_nnd ON t (a) NULLS NOT DISTINCT;",
    "CREATE TABLE m (id bigint, d date, PRIMARY KEY (id, d)) PARTITION BY RANGE (d); CREATE TABLE m1 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01'); CREATE INDEX m_d ON m (d);",
  ],
  invalid: [
    { sql: 'CREATE TABLE "T" (id bigint PRIMARY KEY, a int, b text UNIQUE); CREATE UNIQUE INDEX "T_id_key" ON "T" (id); CREATE INDEX t_a1 ON "T" (a); CREATE INDEX t_a2 ON "T" (a); CREATE INDEX t_b ON "T" (b);', findings: 3 },
    { sql: "CREATE TABLE t (id bigint PRIMARY KEY); ALTER TABLE t ADD CONSTRAINT t_id_unique UNIQUE (id);", findings: 1 },
    { sql: "CREATE TABLE m (id bigint, d date) PARTITION BY RANGE (d); CREATE TABLE m1 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01'); CREATE INDEX m_d1 ON m (d); CREATE INDEX m_d2 ON m (d);", findings: 1 },
  ],
} satisfies RuleCases;
