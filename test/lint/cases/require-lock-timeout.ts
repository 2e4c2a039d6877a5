import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE orders (id bigint PRIMARY KEY, note text);",
  valid: [
    "SET lock_timeout = '5s'; ALTER TABLE orders ADD COLUMN extra text;",
    "CREATE TABLE fresh (id int PRIMARY KEY); ALTER TABLE fresh ADD COLUMN x int; CREATE INDEX fresh_x_idx ON fresh (x);",
    "CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);",
  ],
  invalid: [
    { sql: "ALTER TABLE orders ADD COLUMN extra text;", findings: 1 },
    { sql: "SET lock_timeout = '5s'; RESET lock_timeout; ALTER TABLE orders DROP COLUMN note;", findings: 1 },
  ],
} satisfies RuleCases;
