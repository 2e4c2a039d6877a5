import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "INSERT INTO countries (code, name) VALUES ('FR', 'France');",
    "INSERT INTO audit DEFAULT VALUES;",
    "INSERT INTO archive (id, total) SELECT id, total FROM orders;",
  ],
  invalid: [
    { sql: "INSERT INTO countries VALUES ('FR', 'France');", findings: 1 },
    { sql: "INSERT INTO app.archive SELECT * FROM orders;", findings: 1 },
  ],
} satisfies RuleCases;
