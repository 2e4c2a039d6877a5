import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE accounts (id bigint PRIMARY KEY); CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint, total numeric);",
  valid: [
    "ALTER TABLE orders ADD CONSTRAINT orders_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id);",
    "ALTER TABLE orders ADD CONSTRAINT orders_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;",
    "ALTER TABLE orders VALIDATE CONSTRAINT orders_account_id_fkey;",
    "CREATE TABLE t (a int); ALTER TABLE t ADD CONSTRAINT t_a_check CHECK (a > 0);",
  ],
  invalid: [
    { sql: "ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);", findings: 1 },
  ],
} satisfies RuleCases;
