import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE events (id bigint PRIMARY KEY, a int, b int, c int, d int, e int);",
  valid: [
    "CREATE INDEX events_a_b_c ON events (a, b, c) INCLUDE (d, e);",
    "CREATE UNIQUE INDEX events_a_b_c_d ON events (a, b, c, d);",
    "CREATE INDEX events_brin ON events USING brin (a, b, c, d);",
    // OpenStreetMap: a multicolumn GiST index, where a condition on any column narrows the scan.
    "CREATE TABLE changesets (id bigint PRIMARY KEY, min_pt point, max_pt point, area box, extent box); CREATE INDEX changesets_bbox_idx ON changesets USING gist (min_pt, max_pt, area, extent);",
  ],
  invalid: [
    { sql: "CREATE INDEX events_a_b_c_d ON events (a, b, c, d);", findings: 1 },
    { sql: "CREATE TABLE t (x int, y int, z int, w int, v int); CREATE INDEX ON t (x, (y + 1), z, w DESC, v);", findings: 1 },
  ],
} satisfies RuleCases;
