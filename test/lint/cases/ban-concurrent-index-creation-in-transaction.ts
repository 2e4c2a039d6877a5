import type { RuleCases } from "./case-types.js";

export default {
  valid: ["CREATE INDEX CONCURRENTLY i ON t (a);", "BEGIN; CREATE INDEX i ON t (a); COMMIT; CREATE INDEX CONCURRENTLY j ON t (b);"],
  invalid: [
    { sql: "BEGIN; CREATE INDEX CONCURRENTLY i ON t (a); COMMIT;", findings: 1 },
    { sql: "BEGIN; DROP INDEX CONCURRENTLY i; REINDEX (CONCURRENTLY) INDEX j; COMMIT;", findings: 2 },
  ],
} satisfies RuleCases;
