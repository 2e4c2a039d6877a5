import type { RuleCases } from "./case-types.js";

export default {
  valid: [],
  invalid: [],
  live: {
    valid: [{ sql: "CREATE TABLE t (id bigint PRIMARY KEY);" }],
    // A new database is a few transactions old: any age is over a fraction of 0.
    invalid: [{ sql: "CREATE TABLE t (id bigint PRIMARY KEY);", options: { fraction: 0 }, findings: 1 }],
  },
} satisfies RuleCases;
