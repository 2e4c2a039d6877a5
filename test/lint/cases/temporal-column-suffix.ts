import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "CREATE TABLE orders (id bigint PRIMARY KEY, created_at timestamptz NOT NULL, shipped_on date, delivery_date date, notes text);",
    "CREATE TABLE logs (id bigint PRIMARY KEY, seen_at timestamp(3) without time zone, days date[]);",
  ],
  invalid: [
    { sql: "CREATE TABLE orders (id bigint PRIMARY KEY, created timestamptz NOT NULL, birthday date);", findings: 2 },
    { sql: "CREATE TABLE orders (id bigint PRIMARY KEY); ALTER TABLE orders ADD COLUMN shipped timestamp(0);", findings: 1 },
  ],
} satisfies RuleCases;
