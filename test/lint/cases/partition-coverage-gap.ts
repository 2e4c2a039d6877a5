import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "CREATE TABLE events (at timestamptz NOT NULL) PARTITION BY RANGE (at); CREATE TABLE events_old PARTITION OF events FOR VALUES FROM ('2020-01-01') TO ('2021-01-01'); CREATE TABLE events_rest PARTITION OF events DEFAULT;",
    "CREATE TABLE events (day date NOT NULL) PARTITION BY RANGE (day); CREATE TABLE events_all PARTITION OF events FOR VALUES FROM ('2020-01-01') TO ('9999-01-01'); CREATE TABLE by_kind (kind text) PARTITION BY LIST (kind); CREATE TABLE by_kind_a PARTITION OF by_kind FOR VALUES IN ('a'); CREATE TABLE nums (n int) PARTITION BY RANGE (n); CREATE TABLE nums_low PARTITION OF nums FOR VALUES FROM (0) TO (10);",
  ],
  invalid: [
    { sql: "CREATE TABLE events (at timestamptz NOT NULL) PARTITION BY RANGE (at); CREATE TABLE events_2020 PARTITION OF events FOR VALUES FROM ('2020-01-01') TO ('2021-01-01'); CREATE TABLE events_2021 PARTITION OF events FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');", findings: 1 },
    { sql: "CREATE TABLE events (day date NOT NULL) PARTITION BY RANGE (day); CREATE TABLE tags (kind text) PARTITION BY LIST (kind);", findings: 2 },
  ],
} satisfies RuleCases;
