import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE accounts (id bigint PRIMARY KEY); CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint);",
  valid: [
    "ALTER TABLE orders ADD CONSTRAINT orders_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;",
    "CREATE TABLE events (account_id bigint, at date) PARTITION BY RANGE (at);\nALTER TABLE events ADD CONSTRAINT events_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id);",
    "CREATE TABLE events (account_id bigint, at date) PARTITION BY RANGE (at);\nCREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');\nALTER TABLE events_2024 ADD CONSTRAINT events_2024_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;",
  ],
  invalid: [
    {
      sql: "CREATE TABLE events (account_id bigint, at date) PARTITION BY RANGE (at);\nALTER TABLE events ADD CONSTRAINT events_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;",
      findings: 1,
    },
    {
      sql: "CREATE TABLE sales.events (account_id bigint, k int) PARTITION BY LIST (k);\nALTER TABLE sales.events ADD FOREIGN KEY (account_id) REFERENCES accounts NOT VALID, ADD CHECK (k > 0) NOT VALID;",
      findings: 1,
    },
  ],
} satisfies RuleCases;
