import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE users (id bigint PRIMARY KEY); CREATE TABLE categories (id integer PRIMARY KEY);",
  valid: [
    "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users, category_id integer REFERENCES categories);",
    "CREATE TABLE events (id bigint PRIMARY KEY, user_id text, session_id bigint, category_id bigint);",
  ],
  invalid: [
    { sql: "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, category_id integer);", findings: 2 },
    { sql: "CREATE TABLE visits (user_id bigint NOT NULL, day date NOT NULL) PARTITION BY RANGE (day); CREATE TABLE visits_2024 PARTITION OF visits FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');", findings: 1 },
  ],
} satisfies RuleCases;
