import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE events_2023 (id bigint, at date);",
  valid: [
    "CREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at);\nCREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');\nCREATE INDEX events_at_idx ON events (at);",
    "CREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at);\nALTER TABLE events ATTACH PARTITION events_2023 FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');\nCREATE INDEX events_at_idx ON ONLY events (at);",
    "CREATE INDEX CONCURRENTLY events_2023_at_idx ON events_2023 (at);",
  ],
  invalid: [
    { sql: "CREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at);\nCREATE INDEX CONCURRENTLY events_at_idx ON events (at);", findings: 1 },
    {
      sql: "CREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at);\nALTER TABLE events ATTACH PARTITION events_2023 FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');\nCREATE INDEX events_at_idx ON events (at);",
      findings: 1,
    },
  ],
} satisfies RuleCases;
