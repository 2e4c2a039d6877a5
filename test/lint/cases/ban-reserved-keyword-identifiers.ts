import type { RuleCases } from "./case-types.js";

export default {
  valid: ["CREATE TABLE orders (id bigint PRIMARY KEY, type text, name text, sort_order int);", 'CREATE TABLE app_user (id bigint PRIMARY KEY, "Order" text);'],
  invalid: [
    { sql: 'CREATE TABLE "user" (id bigint PRIMARY KEY, "order" int, "group" text);', findings: 3 },
    { sql: 'CREATE TABLE events (id bigint PRIMARY KEY); ALTER TABLE events ADD COLUMN "time" timestamptz;', findings: 1 },
  ],
} satisfies RuleCases;
