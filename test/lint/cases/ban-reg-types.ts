import type { RuleCases } from "./case-types.js";

export default {
  valid: ["CREATE TABLE jobs (id bigint PRIMARY KEY, rel regclass, typ regtype, runner regrole);", "CREATE TABLE jobs (id bigint PRIMARY KEY, fn text NOT NULL);"],
  invalid: [
    { sql: "CREATE TABLE jobs (id bigint PRIMARY KEY, fn regprocedure, cfg regconfig);", findings: 2 },
    { sql: "CREATE TABLE jobs (id bigint PRIMARY KEY); ALTER TABLE jobs ADD COLUMN schemas regnamespace[];", findings: 1 },
  ],
} satisfies RuleCases;
