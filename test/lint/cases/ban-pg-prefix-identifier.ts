import type { RuleCases } from "./case-types.js";

export default {
  valid: ["CREATE TABLE pgbench_history (id bigint PRIMARY KEY, pg_version text);", "CREATE TABLE jobs (id bigint PRIMARY KEY); CREATE INDEX jobs_pg_idx ON jobs (id);"],
  invalid: [
    { sql: "CREATE TABLE pg_jobs (id bigint PRIMARY KEY);", findings: 1 },
    { sql: "CREATE TABLE jobs (id bigint PRIMARY KEY); CREATE INDEX pg_jobs_idx ON jobs (id); CREATE FUNCTION pg_retry() RETURNS int LANGUAGE sql AS 'SELECT 1';", findings: 2 },
  ],
} satisfies RuleCases;
