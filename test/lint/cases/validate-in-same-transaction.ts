import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE accounts (id bigint PRIMARY KEY); CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint, total numeric);",
  valid: [
    "BEGIN;\nALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;\nCOMMIT;\nBEGIN;\nALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;\nCOMMIT;",
    "ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;",
    "BEGIN;\nCREATE TABLE items (id bigint, qty int);\nALTER TABLE items ADD CONSTRAINT items_qty_check CHECK (qty > 0) NOT VALID;\nALTER TABLE items VALIDATE CONSTRAINT items_qty_check;\nCOMMIT;",
  ],
  invalid: [
    {
      sql: "BEGIN;\nALTER TABLE orders ADD CONSTRAINT orders_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT orders_account_id_fkey;\nCOMMIT;",
      findings: 1,
    },
    {
      sql: "BEGIN;\nALTER TABLE public.orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;\nCOMMIT;",
      findings: 1,
    },
  ],
} satisfies RuleCases;
