import type { RuleCases } from "./case-types.js";

export default {
  valid: ["CREATE SCHEMA staging; ALTER SCHEMA staging RENAME TO loading;", "ALTER SCHEMA app OWNER TO app_owner;"],
  invalid: [{ sql: "ALTER SCHEMA app RENAME TO core;", findings: 1 }],
} satisfies RuleCases;
