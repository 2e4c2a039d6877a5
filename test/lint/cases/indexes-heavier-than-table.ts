import type { RuleCases } from "./case-types.js";

const TABLE = "CREATE TABLE t (id bigint, a text, b text, c text);\nINSERT INTO t SELECT g, md5(g::text), md5((g + 1)::text), md5((g + 2)::text) FROM generate_series(1, 1000) g;";

export default {
  valid: [],
  invalid: [],
  live: {
    valid: [
      { sql: `${TABLE}\nCREATE INDEX t_a_idx ON t (a);`, options: { minBytes: 0 } },
      { sql: `${TABLE}\nCREATE INDEX t_a_idx ON t (a);\nCREATE INDEX t_b_idx ON t (b);\nCREATE INDEX t_c_idx ON t (c);\nCREATE INDEX t_abc_idx ON t (a, b, c);` },
    ],
    invalid: [
      { sql: `${TABLE}\nCREATE INDEX t_a_idx ON t (a);\nCREATE INDEX t_b_idx ON t (b);\nCREATE INDEX t_c_idx ON t (c);\nCREATE INDEX t_abc_idx ON t (a, b, c);`, options: { minBytes: 0 }, findings: 1 },
    ],
  },
} satisfies RuleCases;
