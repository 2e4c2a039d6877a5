import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE events (id bigint PRIMARY KEY, at timestamptz, day date, n int);",
  valid: [
    "SELECT id FROM events WHERE at >= '2024-01-01'::timestamptz AND at < '2024-02-01'::timestamptz;",
    "SELECT id FROM events WHERE day BETWEEN '2024-01-01' AND '2024-01-31' AND n BETWEEN 1 AND 10;",
  ],
  invalid: [
    { sql: "SELECT id FROM events WHERE at BETWEEN '2024-01-01'::timestamptz AND '2024-02-01'::timestamptz;", findings: 1 },
    { sql: "CREATE VIEW recent AS SELECT id FROM events WHERE at NOT BETWEEN now() - interval '1 day' AND CURRENT_TIMESTAMP; DELETE FROM events WHERE at BETWEEN timestamp '2020-01-01' AND date_trunc('month', now());", findings: 2 },
  ],
} satisfies RuleCases;
