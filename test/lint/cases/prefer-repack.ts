import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE orders (id bigint PRIMARY KEY, note text);",
  valid: [
    "VACUUM (ANALYZE) orders;",
    "VACUUM (FULL false, VERBOSE) orders;\nVACUUM (FULL 0) orders;",
    "CREATE TABLE staging (id int PRIMARY KEY); VACUUM FULL staging; CLUSTER staging USING staging_pkey;",
  ],
  invalid: [
    { sql: "VACUUM FULL orders;", findings: 1 },
    { sql: "CLUSTER orders USING orders_pkey;", findings: 1 },
    { sql: "CLUSTER;\nVACUUM (FULL, ANALYZE);", findings: 2 },
  ],
} satisfies RuleCases;
