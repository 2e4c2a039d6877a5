import type { RuleCases } from "./case-types.js";

export default {
  setup:
    "CREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at); CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');",
  valid: [
    "ALTER TABLE events DETACH PARTITION events_2024 CONCURRENTLY;",
    "ALTER TABLE events DETACH PARTITION events_2024 FINALIZE;",
    "CREATE TABLE logs (id bigint, k int) PARTITION BY LIST (k); CREATE TABLE logs_1 PARTITION OF logs FOR VALUES IN (1); ALTER TABLE logs DETACH PARTITION logs_1;",
  ],
  invalid: [
    { sql: "ALTER TABLE events DETACH PARTITION events_2024;", findings: 1 },
    { sql: "BEGIN;\nALTER TABLE public.events DETACH PARTITION public.events_2024;\nCOMMIT;", findings: 1 },
  ],
} satisfies RuleCases;
