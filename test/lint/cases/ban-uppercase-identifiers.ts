import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    'CREATE TABLE users (id bigint PRIMARY KEY, user_name text, "email" text);',
    "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric); CREATE INDEX orders_total_idx ON orders (total); CREATE TYPE order_kind AS ENUM ('Retail');",
    // PostgREST's fixtures: non-ASCII names are valid bare identifiers (only A–Z is folded), so no quoting is needed.
    'CREATE SCHEMA تست; CREATE TABLE موارد (هویت bigint NOT NULL); CREATE DOMAIN "bıgınt" AS bigint;',
  ],
  invalid: [
    { sql: 'CREATE TABLE "Orders" (id bigint PRIMARY KEY, "CustomerId" bigint, "order date" date);', findings: 3 },
    { sql: 'CREATE TABLE t (id bigint PRIMARY KEY); ALTER TABLE t RENAME COLUMN id TO "Id";', findings: 1 },
    { sql: `CREATE TYPE "Mood" AS ENUM ('ok'); CREATE FUNCTION "GetAnswer"() RETURNS int LANGUAGE sql AS 'SELECT 42';`, findings: 2 },
    { sql: 'CREATE SCHEMA "تست X"; CREATE TABLE موارد ("Wert" int);', findings: 2 },
  ],
} satisfies RuleCases;
