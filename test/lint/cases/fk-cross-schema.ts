import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE SCHEMA billing; CREATE TABLE billing.accounts (id bigint PRIMARY KEY); CREATE TABLE customers (id bigint PRIMARY KEY);",
  valid: [
    "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers);",
    "CREATE TABLE billing.invoices (id bigint PRIMARY KEY, account_id bigint REFERENCES billing.accounts);",
  ],
  invalid: [
    { sql: "CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint REFERENCES billing.accounts, customer_id bigint REFERENCES public.customers);", findings: 1 },
    { sql: 'CREATE TABLE "Orders" (id bigint PRIMARY KEY, account_id bigint); ALTER TABLE "Orders" ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES billing.accounts (id) NOT VALID;', findings: 1 },
  ],
} satisfies RuleCases;
