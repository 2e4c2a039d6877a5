import type { RuleCases } from "./case-types.js";

export default {
  valid: ["CREATE UNLOGGED TABLE cache (k text PRIMARY KEY, v text);", "CREATE TABLE staging (x int); ALTER TABLE staging SET LOGGED;"],
  invalid: [
    { sql: "ALTER TABLE events SET UNLOGGED;", findings: 1 },
    { sql: "ALTER TABLE IF EXISTS app.\"Cache\" SET LOGGED;", findings: 1 },
  ],
} satisfies RuleCases;
