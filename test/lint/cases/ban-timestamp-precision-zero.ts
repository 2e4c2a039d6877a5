import type { RuleCases } from "./case-types.js";

export default {
  valid: ["CREATE TABLE e (id bigint PRIMARY KEY, at timestamptz, at3 timestamptz(3), local timestamp(6));", "CREATE TABLE e (id bigint PRIMARY KEY, t time(0));"],
  invalid: [
    { sql: "CREATE TABLE e (id bigint PRIMARY KEY, at timestamptz(0), seen timestamp(0) without time zone);", findings: 2 },
    { sql: "CREATE TABLE e (id bigint PRIMARY KEY); ALTER TABLE e ADD COLUMN stamps timestamp(0) with time zone[];", findings: 1 },
  ],
} satisfies RuleCases;
