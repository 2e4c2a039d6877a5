import type { RuleCases } from "./case-types.js";

export default {
  valid: ["CREATE TABLE levels (id bigint PRIMARY KEY, rank smallint NOT NULL);", "CREATE TABLE nodes (id bigint PRIMARY KEY, parent_id bigint REFERENCES nodes);"],
  invalid: [
    { sql: "CREATE TABLE statuses (id smallserial PRIMARY KEY);", findings: 1 },
    { sql: "CREATE TABLE statuses (id smallint PRIMARY KEY); CREATE TABLE tickets (id bigint PRIMARY KEY, status_id int2 REFERENCES statuses);", findings: 2 },
  ],
} satisfies RuleCases;
