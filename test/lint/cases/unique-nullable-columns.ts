import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL UNIQUE);",
    "CREATE TABLE users (id bigint PRIMARY KEY, email text UNIQUE NULLS NOT DISTINCT, a int, b int NOT NULL, UNIQUE NULLS NOT DISTINCT (a, b));",
    "CREATE TABLE users (id bigint PRIMARY KEY, email text); CREATE UNIQUE INDEX users_email_key ON users (email) WHERE email IS NOT NULL;",
  ],
  invalid: [
    { sql: "CREATE TABLE users (id bigint PRIMARY KEY, email text UNIQUE, a int NOT NULL, b int, UNIQUE (a, b));", findings: 2 },
    { sql: "CREATE TABLE users (id bigint PRIMARY KEY); ALTER TABLE users ADD COLUMN handle text UNIQUE;", findings: 1 },
  ],
} satisfies RuleCases;
