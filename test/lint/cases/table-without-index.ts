import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "CREATE TABLE t (id bigint PRIMARY KEY);",
    "CREATE TABLE log (at timestamptz, msg text); CREATE INDEX log_at_idx ON log (at);",
    "CREATE TABLE m (id bigint, at date, PRIMARY KEY (id, at)) PARTITION BY RANGE (at); CREATE TABLE m1 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');",
  ],
  invalid: [
    { sql: "CREATE TABLE log (at timestamptz, msg text);", findings: 1 },
    { sql: "CREATE TABLE m (id bigint, at date) PARTITION BY RANGE (at); CREATE TABLE m1 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');", findings: 1 },
  ],
} satisfies RuleCases;
