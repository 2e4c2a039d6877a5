import type { RuleCases } from "./case-types.js";

export default {
  valid: ["CREATE TABLE t (name text CHECK (char_length(name) <= 50));", "CREATE TABLE u (name varchar);", "CREATE TABLE t (name varchar);\nALTER TABLE t ALTER COLUMN name TYPE text;"],
  invalid: [
    { sql: "CREATE TABLE t (name varchar(50), code character varying(3));", findings: 2 },
    { sql: "CREATE TABLE t (name text);\nALTER TABLE t ALTER COLUMN name TYPE varchar(50);", findings: 1 },
  ],
} satisfies RuleCases;
