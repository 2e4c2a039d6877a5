import type { RuleCases } from "./case-types.js";

export default {
  valid: ["CREATE TABLE points (id bigint PRIMARY KEY, x_coord double precision, y_coord double precision);", "CREATE TABLE ab (id bigint PRIMARY KEY);"],
  invalid: [
    { sql: "CREATE TABLE t (id bigint PRIMARY KEY, x integer);", findings: 2 },
    { sql: `CREATE TABLE points (id bigint PRIMARY KEY); ALTER TABLE points ADD COLUMN "Y" integer;`, findings: 1 },
  ],
} satisfies RuleCases;
