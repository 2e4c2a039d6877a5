import type { RuleCases } from "./case-types.js";

export default {
  valid: ["CREATE TABLE countries (code text PRIMARY KEY CHECK (char_length(code) = 2));", 'CREATE TABLE flags (kind "char", name varchar(20));'],
  invalid: [
    { sql: "CREATE TABLE countries (code char(2) PRIMARY KEY, name character(40), tags character(3)[]);", findings: 3 },
    { sql: "CREATE TABLE tickets (id bigint PRIMARY KEY, grade text); ALTER TABLE tickets ALTER COLUMN grade TYPE char(1);", findings: 1 },
  ],
} satisfies RuleCases;
