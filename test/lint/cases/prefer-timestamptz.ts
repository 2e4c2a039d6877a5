import type { RuleCases } from "./case-types.js";

export default {
  valid: ["CREATE TABLE events (id bigint PRIMARY KEY, at timestamptz NOT NULL);", "CREATE TABLE days (d date, t time);"],
  invalid: [
    { sql: "CREATE TABLE events (id bigint PRIMARY KEY, at timestamp NOT NULL, seen timestamp(3));", findings: 2 },
    { sql: "CREATE TABLE e (id int PRIMARY KEY); ALTER TABLE e ADD COLUMN at timestamp without time zone;", findings: 1 },
    { sql: "CREATE TABLE e (id int PRIMARY KEY, at date); ALTER TABLE e ALTER COLUMN at TYPE timestamp;", findings: 1 },
  ],
} satisfies RuleCases;
