import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);",
  valid: [
    "CREATE TABLE t (a int CHECK (a IS NOT NULL), b int NOT NULL CHECK (b > 0));",
    "ALTER TABLE orders ADD CONSTRAINT orders_total_not_null CHECK (total IS NOT NULL) NOT VALID;",
  ],
  invalid: [
    { sql: 'CREATE TABLE t ("A" int NOT NULL, b int PRIMARY KEY, CHECK ("A" IS NOT NULL AND b IS NOT NULL), CHECK (true));', findings: 2 },
    { sql: "ALTER TABLE orders ADD CONSTRAINT orders_check CHECK (true);", findings: 1 },
  ],
} satisfies RuleCases;
