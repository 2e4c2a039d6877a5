import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint, total numeric CONSTRAINT orders_total_check CHECK (total >= 0));",
  valid: [
    "ALTER TABLE orders DROP CONSTRAINT orders_total_check, ADD CONSTRAINT orders_total_check CHECK (total > 0) NOT VALID;",
    "CREATE TABLE items (qty int CONSTRAINT items_qty_check CHECK (qty > 0));\nALTER TABLE items DROP CONSTRAINT items_qty_check;",
    "ALTER TABLE orders DROP COLUMN account_id;",
  ],
  invalid: [
    { sql: "ALTER TABLE orders DROP CONSTRAINT orders_total_check;", findings: 1 },
    { sql: "ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_account_id_fkey, DROP CONSTRAINT orders_pkey CASCADE;", findings: 2 },
  ],
} satisfies RuleCases;
