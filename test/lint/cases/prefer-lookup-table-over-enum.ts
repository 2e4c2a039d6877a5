import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "CREATE TABLE order_statuses (code text PRIMARY KEY, label text NOT NULL); CREATE TABLE orders (id bigint PRIMARY KEY, status text NOT NULL REFERENCES order_statuses);",
    "CREATE TABLE orders (id bigint PRIMARY KEY, status text NOT NULL CHECK (status IN ('new', 'paid')));",
  ],
  invalid: [
    { sql: "CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');", findings: 1 },
    { sql: "CREATE TYPE mood AS ENUM ('ok'); CREATE TABLE people (id bigint PRIMARY KEY, mood mood NOT NULL);", findings: 1 },
  ],
} satisfies RuleCases;
