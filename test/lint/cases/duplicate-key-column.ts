import type { RuleCases } from "./case-types.js";

export default {
  valid: ["CREATE TABLE t (a int, b int, PRIMARY KEY (a, b)); CREATE INDEX t_b_a_idx ON t (b, a);", "CREATE INDEX t_lower_idx ON t (lower(a), lower(b), a DESC);"],
  invalid: [
    { sql: "CREATE TABLE t (a int, b int, PRIMARY KEY (a, b, a));", findings: 1 },
    { sql: "ALTER TABLE t ADD CONSTRAINT t_a_key UNIQUE (a, a);", findings: 1 },
    { sql: "CREATE INDEX t_idx ON t (lower(a), b, lower(a));", findings: 1 },
  ],
} satisfies RuleCases;
