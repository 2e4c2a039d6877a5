import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric NOT NULL);",
  valid: [
    "CREATE TABLE t (a int CHECK (a > 3 AND a < 5), b int CHECK (b BETWEEN 1 AND 1), d numeric CHECK (d >= 0 AND d <= 0));",
    "CREATE TABLE t (c text CHECK (c IS NULL OR c <> ''), e int CHECK (e IS NULL), f int CHECK (f > 5 OR f < 3), g numeric CHECK (g::int >= 5 AND g < 5));",
    "CREATE TABLE parent (id int, CHECK (false) NO INHERIT);",
    "ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0 AND total < 1000000);",
  ],
  invalid: [
    { sql: "CREATE TABLE t (a int NOT NULL, b numeric, CHECK (a > 5.5 AND a < 3), CHECK (b > 2.5 AND b BETWEEN -1 AND 2.5));", findings: 2 },
    { sql: 'CREATE TABLE t (id int PRIMARY KEY CHECK (id IS NULL), "Note" text CHECK (false));', findings: 2 },
    { sql: "ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (10 <= total AND total < 10);", findings: 1 },
  ],
} satisfies RuleCases;
