import type { RuleCases } from "./case-types.js";

export default {
  valid: ["CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);", "CREATE TABLE u (id bigint PRIMARY KEY);"],
  invalid: [
    { sql: "CREATE TABLE t (id serial PRIMARY KEY);", findings: 1 },
    { sql: "CREATE TABLE t (id bigserial PRIMARY KEY, n smallserial);", findings: 2 },
  ],
} satisfies RuleCases;
