import type { RuleCases } from "./case-types.js";

const TABLE = "CREATE TABLE t (id bigint PRIMARY KEY, v int, w int);\nINSERT INTO t SELECT g, g, g FROM generate_series(1, 100) g;";

export default {
  valid: [],
  invalid: [],
  live: {
    valid: [
      { sql: `${TABLE}\nCREATE INDEX t_v_idx ON t (v);\nSET enable_seqscan = off;\nSELECT * FROM t WHERE v = 5;`, options: { minDays: 0 } },
      {
        sql: "CREATE TABLE t (id bigint PRIMARY KEY, email text UNIQUE, code int NOT NULL, at tstzrange, EXCLUDE USING gist (at WITH &&));\nCREATE UNIQUE INDEX t_code_key ON t (code);\nALTER TABLE t REPLICA IDENTITY USING INDEX t_code_key;",
        options: { minDays: 0 },
      },
    ],
    invalid: [
      { sql: `${TABLE}\nCREATE INDEX t_v_idx ON t (v);\nSET enable_seqscan = off;\nSELECT * FROM t WHERE id = 5;`, options: { minDays: 0 }, findings: 1 },
      {
        sql: "CREATE TABLE m (id bigint, at date) PARTITION BY RANGE (at);\nCREATE TABLE m_2026 PARTITION OF m FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');\nCREATE INDEX m_at_idx ON m (at);\nINSERT INTO m VALUES (1, '2026-05-01');",
        options: { minDays: 0 },
        findings: 1,
      },
      // Counters younger than minDays: one finding that says so, no index judged.
      { sql: `${TABLE}\nCREATE INDEX t_v_idx ON t (v);`, options: { minDays: 100000 }, findings: 1 },
    ],
  },
} satisfies RuleCases;
