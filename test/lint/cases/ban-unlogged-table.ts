import type { RuleCases } from "./case-types.js";

export default {
  valid: ["CREATE TABLE cache (k text PRIMARY KEY, v jsonb);", "CREATE TEMPORARY TABLE scratch (id bigint);"],
  invalid: [
    { sql: "CREATE UNLOGGED TABLE cache (k text PRIMARY KEY, v jsonb);", findings: 1 },
    { sql: "CREATE TABLE cache (k text PRIMARY KEY); ALTER TABLE cache SET UNLOGGED;", findings: 1 },
    { sql: "CREATE UNLOGGED TABLE totals AS SELECT 1 AS n;", findings: 1 },
  ],
} satisfies RuleCases;
