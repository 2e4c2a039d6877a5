import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "ALTER TABLE orders ALTER COLUMN total TYPE numeric(14,2), ALTER COLUMN account_id SET NOT NULL;",
    "ALTER TABLE orders ALTER COLUMN total TYPE numeric(14,2); ALTER TABLE orders ADD COLUMN note text; ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;",
    "CREATE TABLE staging (a int, b int); ALTER TABLE staging ALTER COLUMN a TYPE bigint; ALTER TABLE staging ALTER COLUMN b SET NOT NULL;",
  ],
  invalid: [
    { sql: "ALTER TABLE orders ALTER COLUMN total TYPE numeric(14,2); ALTER TABLE orders ALTER COLUMN account_id SET NOT NULL;", findings: 1 },
    { sql: "ALTER TABLE app.orders ADD CONSTRAINT c1 CHECK (total >= 0); ALTER TABLE accounts ALTER COLUMN id SET NOT NULL; ALTER TABLE app.orders ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY; ALTER TABLE app.orders SET UNLOGGED;", findings: 2 },
  ],
} satisfies RuleCases;
