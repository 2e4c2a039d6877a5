import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "CREATE TABLE flags (id bigint PRIMARY KEY, active boolean NOT NULL DEFAULT true);",
    "CREATE TABLE flags (id bigint, archived boolean, PRIMARY KEY (id, archived));",
    "CREATE TABLE m (id bigint, ok boolean NOT NULL) PARTITION BY RANGE (id); CREATE TABLE m1 PARTITION OF m FOR VALUES FROM (0) TO (10);",
  ],
  invalid: [
    { sql: "CREATE TABLE flags (id bigint PRIMARY KEY, active boolean, verified bool DEFAULT false);", findings: 2 },
    { sql: "CREATE TABLE flags (id bigint PRIMARY KEY); ALTER TABLE flags ADD COLUMN archived boolean;", findings: 1 },
    { sql: "CREATE TABLE m (id bigint, ok boolean) PARTITION BY RANGE (id); CREATE TABLE m1 PARTITION OF m FOR VALUES FROM (0) TO (10);", findings: 1 },
  ],
} satisfies RuleCases;
