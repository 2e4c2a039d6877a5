import type { RuleCases } from "./case-types.js";

export default {
  valid: ["CREATE TABLE visits (at timestamptz DEFAULT CURRENT_TIMESTAMP, t time DEFAULT LOCALTIME);", "SELECT now();"],
  invalid: [
    { sql: "CREATE TABLE visits (t timetz DEFAULT CURRENT_TIME);", findings: 1 },
    { sql: "CREATE VIEW shift_now AS SELECT CURRENT_TIME(0) AS t, CURRENT_TIME AS u;", findings: 2 },
  ],
} satisfies RuleCases;
