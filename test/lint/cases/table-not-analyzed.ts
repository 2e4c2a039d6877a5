import type { RuleCases } from "./case-types.js";

// pg_stat_force_next_flush: this session's counts reach the shared statistics when it is idle, so they would land
// after an ANALYZE in the same script and count as changes since it.
const TABLE = "CREATE TABLE t (id bigint PRIMARY KEY) WITH (autovacuum_enabled = off);\nINSERT INTO t SELECT generate_series(1, 100);";
const PARTITIONED =
  "CREATE TABLE m (id bigint, at date) PARTITION BY RANGE (at);\nCREATE TABLE m_2026 PARTITION OF m FOR VALUES FROM ('2026-01-01') TO ('2027-01-01') WITH (autovacuum_enabled = off);\nINSERT INTO m SELECT g, '2026-01-01'::date + g FROM generate_series(1, 100) g;\nSELECT pg_stat_force_next_flush();\nANALYZE m_2026;";

export default {
  valid: [],
  invalid: [],
  live: {
    valid: [
      { sql: `${TABLE}\nSELECT pg_stat_force_next_flush();\nANALYZE t;`, options: { minRows: 10 } },
      { sql: TABLE },
      { sql: `${TABLE}\nSELECT pg_stat_force_next_flush();\nANALYZE t;\nINSERT INTO t SELECT generate_series(101, 110);`, options: { minRows: 10 } },
      { sql: `${PARTITIONED}\nSELECT pg_stat_force_next_flush();\nANALYZE m;`, options: { minRows: 10 } },
    ],
    invalid: [
      { sql: TABLE, options: { minRows: 10 }, findings: 1 },
      { sql: `${TABLE}\nSELECT pg_stat_force_next_flush();\nANALYZE t;\nINSERT INTO t SELECT generate_series(101, 200);`, options: { minRows: 10 }, findings: 1 },
      // Autovacuum analyzes the partitions, never the partitioned table.
      { sql: PARTITIONED, options: { minRows: 10 }, findings: 1 },
    ],
  },
} satisfies RuleCases;
