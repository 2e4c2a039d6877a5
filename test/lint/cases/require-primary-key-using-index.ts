import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE events (id bigint NOT NULL, at timestamptz);",
  valid: [
    "CREATE UNIQUE INDEX CONCURRENTLY events_pkey ON events (id);\nALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_pkey;",
    "CREATE TABLE t (id bigint NOT NULL); ALTER TABLE t ADD PRIMARY KEY (id);",
  ],
  invalid: [
    { sql: "ALTER TABLE events ADD PRIMARY KEY (id);", findings: 1 },
    { sql: "ALTER TABLE events ADD CONSTRAINT events_id_at_pk PRIMARY KEY (id, at) INCLUDE (at);", findings: 1 },
    { sql: "ALTER TABLE events ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;", findings: 1 },
  ],
} satisfies RuleCases;
