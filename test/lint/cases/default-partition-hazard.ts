import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE events (id bigint, at date NOT NULL) PARTITION BY RANGE (at);",
  valid: [
    "CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');",
    "CREATE TABLE events_2025 (id bigint, at date NOT NULL); ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');",
  ],
  invalid: [
    { sql: "CREATE TABLE events_other PARTITION OF events DEFAULT;", findings: 1 },
    { sql: 'CREATE TABLE "Events_Other" (id bigint, at date NOT NULL); ALTER TABLE events ATTACH PARTITION "Events_Other" DEFAULT;', findings: 1 },
  ],
} satisfies RuleCases;
