import type { RuleCases } from "./case-types.js";

const TABLE = "CREATE TABLE t (id bigint PRIMARY KEY, v int);\nINSERT INTO t SELECT g, g FROM generate_series(1, 1000) g;";
const SCANS = "SELECT count(*) FROM t WHERE v = 1;\nSELECT count(*) FROM t WHERE v = 2;\nSELECT count(*) FROM t WHERE v = 3;";

export default {
  valid: [],
  invalid: [],
  live: {
    valid: [
      { sql: `${TABLE}\nSET enable_seqscan = off;\nSELECT * FROM t WHERE id = 1;\nSELECT * FROM t WHERE id = 2;\nSELECT * FROM t WHERE id = 3;\nSELECT * FROM t WHERE id = 4;\nRESET enable_seqscan;\n${SCANS}`, options: { minRows: 100, minScans: 3 } },
      // Small tables are scanned whole on purpose (default minRows 10 000).
      { sql: `${TABLE}\n${SCANS}`, options: { minScans: 3 } },
    ],
    invalid: [{ sql: `${TABLE}\n${SCANS}`, options: { minRows: 100, minScans: 3 }, findings: 1 }],
  },
} satisfies RuleCases;
