import type { RuleCases } from "./case-types.js";

export default {
  valid: ["BEGIN; CREATE TABLE t (id int PRIMARY KEY); COMMIT;", "CREATE TABLE t (id int PRIMARY KEY);", "BEGIN; SELECT 1; ROLLBACK;"],
  invalid: [{ sql: "BEGIN; CREATE TABLE t (id int PRIMARY KEY);", findings: 1 }, { sql: "BEGIN; SELECT 1; COMMIT; BEGIN; SELECT 2;", findings: 1 }],
} satisfies RuleCases;
