import type { RuleCases } from "./case-types.js";

export default {
  valid: ["CREATE DATABASE analytics;", "DROP SCHEMA staging;"],
  invalid: [{ sql: "DROP DATABASE analytics;", findings: 1 }, { sql: "DROP DATABASE IF EXISTS analytics WITH (FORCE);", findings: 1 }],
} satisfies RuleCases;
