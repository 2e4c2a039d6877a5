import type { RuleCases } from "./case-types.js";

const TABLE = "CREATE TABLE t (id bigint PRIMARY KEY) WITH (autovacuum_enabled = off);\nINSERT INTO t SELECT generate_series(1, 100);";

export default {
  valid: [],
  invalid: [],
  live: {
    valid: [
      { sql: `${TABLE}\nDELETE FROM t WHERE id <= 60;` },
      { sql: `${TABLE}\nDELETE FROM t WHERE id <= 5;`, options: { minDeadRows: 1 } },
      { sql: `${TABLE}\nDELETE FROM t WHERE id <= 60;\n-- This session's counts reach the shared statistics when it is idle: before the VACUUM, or they land after it.\nSELECT pg_stat_force_next_flush();\nVACUUM t;`, options: { minDeadRows: 10 } },
    ],
    invalid: [{ sql: `${TABLE}\nDELETE FROM t WHERE id <= 60;`, options: { minDeadRows: 10 }, findings: 1 }],
  },
} satisfies RuleCases;
