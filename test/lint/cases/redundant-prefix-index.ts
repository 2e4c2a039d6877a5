import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "CREATE TABLE t (id bigint PRIMARY KEY, a int, b int, c text); CREATE INDEX t_a_b ON t (a, b); CREATE INDEX t_b ON t (b); CREATE INDEX t_a_desc ON t (a DESC); CREATE INDEX t_a_part ON t (a) WHERE c IS NOT NULL; CREATE INDEX t_c ON t (c text_pattern_ops); CREATE INDEX t_c_b ON t (c, b);",
    "CREATE TABLE t (id bigint PRIMARY KEY, a int, b int, c int); CREATE UNIQUE INDEX t_a ON t (a); CREATE INDEX t_a_b ON t (a, b); CREATE INDEX t_b_c ON t (b) INCLUDE (c); CREATE INDEX t_b_a ON t (b, a); CREATE INDEX t_c_brin ON t USING brin (c); CREATE INDEX t_c_a ON t USING brin (c, a);",
  ],
  invalid: [
    { sql: "CREATE TABLE t (id bigint PRIMARY KEY, a int, b int); CREATE INDEX t_a ON t (a); CREATE INDEX t_a_b ON t (a, b); CREATE INDEX t_id_a ON t (id, a);", findings: 1 },
    { sql: 'CREATE TABLE "Orders" (id bigint, "Customer" int, at date, PRIMARY KEY (id, at)) PARTITION BY RANGE (at); CREATE INDEX o_c ON "Orders" ("Customer") WHERE id > 0; CREATE INDEX o_c_at ON "Orders" ("Customer", at) WHERE id > 0;', findings: 1 },
  ],
} satisfies RuleCases;
