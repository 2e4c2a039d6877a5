import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "CREATE TABLE public.orders (id bigint PRIMARY KEY);",
    "CREATE TEMP TABLE scratch (id int); DROP TABLE public.orders;",
    'ALTER TABLE "Sales".orders ADD COLUMN note text;',
  ],
  invalid: [
    { sql: "CREATE TABLE orders (id bigint PRIMARY KEY);", findings: 1 },
    { sql: "ALTER TABLE orders ADD COLUMN note text;\nDROP TABLE public.a, b;", findings: 2 },
    { sql: "CREATE TABLE totals AS SELECT 1 AS n;", findings: 1 },
  ],
} satisfies RuleCases;
