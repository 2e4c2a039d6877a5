import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE items (id bigint PRIMARY KEY, price numeric, qty integer);",
  valid: [
    "ALTER TABLE items ADD COLUMN total numeric GENERATED ALWAYS AS (price * qty) VIRTUAL;",
    "ALTER TABLE items ADD COLUMN total numeric;",
    "CREATE TABLE lines (a integer, b integer GENERATED ALWAYS AS (a * 2) STORED); ALTER TABLE lines ADD COLUMN c integer GENERATED ALWAYS AS (a * 3) STORED;",
  ],
  invalid: [
    { sql: "ALTER TABLE items ADD COLUMN total numeric GENERATED ALWAYS AS (price * qty) STORED;", findings: 1 },
    { sql: "ALTER TABLE items ADD COLUMN a numeric GENERATED ALWAYS AS (price * 2) STORED, ADD COLUMN b numeric GENERATED ALWAYS AS (price * 3) STORED;", findings: 2 },
  ],
} satisfies RuleCases;
