import type { RuleCases } from "./case-types.js";

export default {
  valid: ["DROP TABLE old_report;", "ALTER TABLE events SET (fillfactor = 90);"],
  invalid: [{ sql: "DROP TABLESPACE IF EXISTS old_disks;", findings: 1 }],
} satisfies RuleCases;
