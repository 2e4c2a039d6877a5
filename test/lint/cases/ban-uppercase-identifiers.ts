import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    'CREATE TABLE users (id bigint PRIMARY KEY, user_name text, "email" text);',
    "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric); CREATE INDEX orders_total_idx ON orders (total); CREATE TYPE order_kind AS ENUM ('Retail');",
  ],
  invalid: [
    { sql: 'CREATE TABLE "Orders" (id bigint PRIMARY KEY, "CustomerId" bigint, "order date" date);', findings: 3 },
    { sql: 'CREATE TABLE t (id bigint PRIMARY KEY); ALTER TABLE t RENAME COLUMN id TO "Id";', findings: 1 },
    { sql: `CREATE TYPE "Mood" AS ENUM ('ok'); CREATE FUNCTION "GetAnswer"() RETURNS int LANGUAGE sql AS 'SELECT 42';`, findings: 2 },
  ],
} satisfies RuleCases;
