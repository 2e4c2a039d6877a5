import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE accounts (id bigint PRIMARY KEY); CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint);",
  valid: [
    "ALTER TABLE orders ADD CONSTRAINT orders_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;",
    "ALTER TABLE orders VALIDATE CONSTRAINT orders_account_id_fkey;",
    "ALTER TABLE orders ADD COLUMN payer_id bigint REFERENCES accounts (id);",
    "CREATE TABLE refunds (id bigint PRIMARY KEY, account_id bigint); ALTER TABLE refunds ADD FOREIGN KEY (account_id) REFERENCES accounts (id);",
  ],
  invalid: [
    { sql: "ALTER TABLE orders ADD CONSTRAINT orders_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id);", findings: 1 },
    { sql: "ALTER TABLE orders ADD FOREIGN KEY (account_id) REFERENCES accounts ON DELETE CASCADE;", findings: 1 },
    { sql: "ALTER TABLE orders ADD COLUMN payer_id bigint DEFAULT 0 REFERENCES accounts (id);", findings: 1 },
  ],
} satisfies RuleCases;
