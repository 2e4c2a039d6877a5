import type { RuleCases } from "./case-types.js";

const TABLE = "CREATE TABLE t (id bigint PRIMARY KEY, email text);\nINSERT INTO t VALUES (1, 'a@example.com'), (2, 'a@example.com');";

export default {
  valid: [],
  invalid: [],
  live: {
    valid: [{ sql: `${TABLE}\nCREATE INDEX CONCURRENTLY t_email_idx ON t (email);` }],
    invalid: [
      // Duplicates make the concurrent unique build fail, and it leaves its index behind, invalid.
      { sql: TABLE, failing: "CREATE UNIQUE INDEX CONCURRENTLY t_email_key ON t (email);", findings: 1 },
      {
        sql: "CREATE TABLE m (id bigint, at date) PARTITION BY RANGE (at);\nCREATE TABLE m_2026 PARTITION OF m FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');\nCREATE INDEX m_at_idx ON ONLY m (at);",
        findings: 1,
      },
    ],
  },
} satisfies RuleCases;
