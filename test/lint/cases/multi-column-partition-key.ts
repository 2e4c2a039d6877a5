import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "CREATE TABLE events (tenant_id bigint, at timestamptz NOT NULL) PARTITION BY RANGE (at);",
    "CREATE TABLE events (tenant_id bigint, at timestamptz NOT NULL) PARTITION BY LIST ((tenant_id % 4)); CREATE TABLE events_0 PARTITION OF events FOR VALUES IN (0);",
  ],
  invalid: [
    { sql: "CREATE TABLE events (tenant_id bigint, at timestamptz NOT NULL) PARTITION BY RANGE (tenant_id, at);", findings: 1 },
    { sql: "CREATE TABLE events (tenant_id bigint, at timestamptz NOT NULL, kind text) PARTITION BY HASH (tenant_id, (lower(kind)));", findings: 1 },
  ],
} satisfies RuleCases;
