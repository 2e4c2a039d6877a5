import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "CREATE TABLE events_2024 (LIKE events); ALTER TABLE events ATTACH PARTITION events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');",
    "ALTER TABLE events_2023 ADD CONSTRAINT events_2023_bound CHECK (at IS NOT NULL AND at >= '2023-01-01' AND at < '2024-01-01') NOT VALID; ALTER TABLE events_2023 VALIDATE CONSTRAINT events_2023_bound; ALTER TABLE events ATTACH PARTITION events_2023 FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');",
    "ALTER INDEX events_at_idx ATTACH PARTITION events_2023_at_idx;",
  ],
  invalid: [
    { sql: "ALTER TABLE events ATTACH PARTITION events_2023 FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');", findings: 1 },
    { sql: "ALTER TABLE events_old ADD CONSTRAINT events_old_bound CHECK (at < '2020-01-01') NOT VALID; ALTER TABLE events ATTACH PARTITION events_old DEFAULT;", findings: 1 },
  ],
} satisfies RuleCases;
