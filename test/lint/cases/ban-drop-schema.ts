import type { RuleCases } from "./case-types.js";

export default {
  valid: ["CREATE SCHEMA staging; DROP SCHEMA staging CASCADE;", "DROP TABLE old_report;"],
  invalid: [
    { sql: "DROP SCHEMA legacy;", findings: 1 },
    { sql: "CREATE SCHEMA tmp; DROP SCHEMA IF EXISTS tmp, \"Archive\" CASCADE;", findings: 1 },
  ],
} satisfies RuleCases;
