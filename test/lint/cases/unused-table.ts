import type { RuleCases } from "./case-types.js";

export default {
  valid: [],
  invalid: [],
  live: {
    valid: [
      { sql: "CREATE TABLE t (id bigint PRIMARY KEY);\nINSERT INTO t VALUES (1);", options: { minDays: 0 } },
      // Counters younger than minDays judge nothing.
      { sql: "CREATE TABLE t (id bigint PRIMARY KEY);", options: { minDays: 100000 } },
      // An idle partition is judged with its partitioned table, which is in use.
      {
        sql: "CREATE TABLE m (id bigint, at date) PARTITION BY RANGE (at);\nCREATE TABLE m_2026 PARTITION OF m FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');\nCREATE TABLE m_2027 PARTITION OF m FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');\nINSERT INTO m VALUES (1, '2026-05-01');",
        options: { minDays: 0 },
      },
    ],
    invalid: [{ sql: "CREATE TABLE t (id bigint PRIMARY KEY);\nCREATE TABLE u (id bigint PRIMARY KEY);\nINSERT INTO u VALUES (1);\nSELECT * FROM u;", options: { minDays: 0 }, findings: 1 }],
  },
} satisfies RuleCases;
