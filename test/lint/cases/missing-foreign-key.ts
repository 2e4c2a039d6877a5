import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE users (id bigint PRIMARY KEY); CREATE TABLE categories (id integer PRIMARY KEY);",
  valid: [
    "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users, category_id integer REFERENCES categories);",
    "CREATE TABLE events (id bigint PRIMARY KEY, user_id text, session_id bigint, category_id bigint);",
    // pagila: the partitioned table has no foreign key, but every partition (attached after pg_dump made it) has one.
    "CREATE TABLE payment (payment_id bigint NOT NULL, user_id bigint NOT NULL, paid_at date NOT NULL) PARTITION BY RANGE (paid_at); CREATE TABLE payment_2024 (payment_id bigint NOT NULL, user_id bigint NOT NULL, paid_at date NOT NULL); ALTER TABLE ONLY payment ATTACH PARTITION payment_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01'); ALTER TABLE ONLY payment_2024 ADD CONSTRAINT payment_2024_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id);",
  ],
  invalid: [
    { sql: "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, category_id integer);", findings: 2 },
    { sql: "CREATE TABLE visits (user_id bigint NOT NULL, day date NOT NULL) PARTITION BY RANGE (day); CREATE TABLE visits_2024 PARTITION OF visits FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');", findings: 1 },
    // Only one of the two partitions has the key.
    { sql: "CREATE TABLE visits (user_id bigint NOT NULL, day date NOT NULL) PARTITION BY RANGE (day); CREATE TABLE visits_2024 PARTITION OF visits FOR VALUES FROM ('2024-01-01') TO ('2025-01-01'); CREATE TABLE visits_2025 PARTITION OF visits FOR VALUES FROM ('2025-01-01') TO ('2026-01-01'); ALTER TABLE visits_2024 ADD FOREIGN KEY (user_id) REFERENCES users (id);", findings: 1 },
  ],
} satisfies RuleCases;
