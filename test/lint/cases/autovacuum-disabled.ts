import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "ALTER TABLE events SET (autovacuum_enabled = true, autovacuum_vacuum_scale_factor = 0.01);",
    "CREATE TABLE queue (id bigint) WITH (autovacuum_enabled = on);",
    "ALTER TABLE events RESET (autovacuum_enabled);",
  ],
  invalid: [
    { sql: "ALTER TABLE events SET (autovacuum_enabled = false);", findings: 1 },
    { sql: "CREATE TABLE queue (id bigint) WITH (autovacuum_enabled = off, toast.autovacuum_enabled = 0);", findings: 2 },
    { sql: "ALTER TABLE events SET (autovacuum_enabled = 'no', fillfactor = 90);", findings: 1 },
  ],
} satisfies RuleCases;
