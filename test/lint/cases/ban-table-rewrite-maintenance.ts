import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "CREATE TABLE archive_2020 (id bigint); ALTER TABLE archive_2020 SET TABLESPACE pg_default;",
    "ALTER TABLE events SET (fillfactor = 90);",
    "CREATE INDEX app_events_kind_idx ON app.events (kind); ALTER INDEX app.app_events_kind_idx SET TABLESPACE fast_disks;",
  ],
  invalid: [
    { sql: "ALTER TABLE events SET TABLESPACE slow_disks;", findings: 1 },
    { sql: "ALTER INDEX events_created_at_idx SET TABLESPACE fast_disks;", findings: 1 },
    { sql: "ALTER TABLE events SET ACCESS METHOD heap2; ALTER TABLE ALL IN TABLESPACE old_disks SET TABLESPACE new_disks;", findings: 2 },
  ],
} satisfies RuleCases;
