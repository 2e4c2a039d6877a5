import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "CREATE TABLE items (id bigint PRIMARY KEY, price numeric, qty integer, total numeric GENERATED ALWAYS AS (price * qty) STORED);",
    `CREATE TABLE people (id bigint PRIMARY KEY, "First Name" text, label text GENERATED ALWAYS AS ('name: ' || "First Name") STORED);`,
  ],
  invalid: [
    { sql: "CREATE TABLE items (id bigint PRIMARY KEY, kind text GENERATED ALWAYS AS ('item') STORED);", findings: 1 },
    { sql: "CREATE TABLE items (id bigint PRIMARY KEY); ALTER TABLE items ADD COLUMN two integer GENERATED ALWAYS AS (1 + 1) STORED;", findings: 1 },
    { sql: "CREATE TABLE items (id bigint PRIMARY KEY, price numeric, tag text GENERATED ALWAYS AS ('price') VIRTUAL);", findings: 1 },
  ],
} satisfies RuleCases;
