import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL UNIQUE); CREATE TABLE codes (code text UNIQUE);",
  valid: [
    "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users);",
    "CREATE TABLE uses (id bigint PRIMARY KEY, code text REFERENCES codes (code));",
  ],
  invalid: [{ sql: "CREATE TABLE orders (id bigint PRIMARY KEY, user_email text REFERENCES users (email));", findings: 1 }],
} satisfies RuleCases;
