import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TYPE address AS (street text, city text);",
  valid: ["CREATE TABLE addresses (street text, city text);", "CREATE TABLE people (id bigint PRIMARY KEY, home address);"],
  invalid: [
    { sql: "CREATE TABLE addresses OF address (PRIMARY KEY (street, city));", findings: 1 },
    { sql: "CREATE TABLE addresses OF public.address;", findings: 1 },
  ],
} satisfies RuleCases;
