import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "GRANT USAGE ON SCHEMA public TO PUBLIC;",
    "REVOKE CREATE ON SCHEMA public FROM PUBLIC;",
    "CREATE ROLE app_owner; GRANT CREATE ON SCHEMA public TO app_owner;",
  ],
  invalid: [
    { sql: "GRANT CREATE ON SCHEMA public TO PUBLIC;", findings: 1 },
    { sql: "GRANT ALL ON SCHEMA public TO public;", findings: 1 },
  ],
} satisfies RuleCases;
