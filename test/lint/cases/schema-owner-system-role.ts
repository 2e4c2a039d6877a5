import type { RuleCases } from "./case-types.js";

export default {
  valid: ["CREATE ROLE app_owner; CREATE SCHEMA app AUTHORIZATION app_owner;", "CREATE ROLE app_owner; ALTER SCHEMA public OWNER TO app_owner; ALTER SCHEMA public OWNER TO pg_database_owner;"],
  invalid: [
    { sql: "ALTER SCHEMA public OWNER TO postgres;", findings: 1 },
    { sql: "CREATE SCHEMA AUTHORIZATION postgres; ALTER SCHEMA public OWNER TO pg_write_all_data;", findings: 2 },
  ],
} satisfies RuleCases;
