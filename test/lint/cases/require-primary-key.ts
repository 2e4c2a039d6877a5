import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "CREATE TABLE t (id bigint NOT NULL); ALTER TABLE ONLY t ADD CONSTRAINT t_pkey PRIMARY KEY (id);",
    "CREATE TABLE t (id bigint PRIMARY KEY);",
    "CREATE TABLE u (a int, b int, PRIMARY KEY (a, b));",
    "CREATE TABLE p (id bigint, at date, PRIMARY KEY (id, at)) PARTITION BY RANGE (at); CREATE TABLE p1 PARTITION OF p FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');",
  ],
  invalid: [{ sql: "CREATE TABLE logs (message text);", findings: 1 }, { sql: "CREATE TABLE a (id int); CREATE TABLE b (id int); ALTER TABLE a ADD PRIMARY KEY (id);", findings: 1 }],
} satisfies RuleCases;
