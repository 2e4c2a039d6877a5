import type { RuleCases } from "./case-types.js";

export default {
  valid: ["CREATE TABLE shifts (id bigint PRIMARY KEY, starts_at timestamptz, local_start time, zone text);", "CREATE TABLE days (id bigint PRIMARY KEY, d date, t time(3));"],
  invalid: [
    { sql: "CREATE TABLE shifts (id bigint PRIMARY KEY, starts time with time zone, ends timetz(3));", findings: 2 },
    { sql: "CREATE TABLE s (id bigint PRIMARY KEY); ALTER TABLE s ADD COLUMN slots timetz[];", findings: 1 },
  ],
} satisfies RuleCases;
