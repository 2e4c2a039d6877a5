import type { RuleCases } from "./case-types.js";

export default {
  valid: ["CREATE TABLE t (name text CHECK (char_length(name) <= 50));", "CREATE TABLE u (name varchar);"],
  invalid: [{ sql: "CREATE TABLE t (name varchar(50), code character varying(3));", findings: 2 }],
} satisfies RuleCases;
