import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "CREATE SCHEMA extensions; CREATE EXTENSION pg_trgm SCHEMA extensions; CREATE TABLE docs (id bigint PRIMARY KEY, title text);",
    "CREATE TABLE docs (id bigint PRIMARY KEY, title text);",
  ],
  invalid: [
    { sql: "CREATE EXTENSION pg_trgm;", findings: 1 },
    { sql: "CREATE SCHEMA extensions; CREATE EXTENSION citext SCHEMA extensions; ALTER EXTENSION citext SET SCHEMA public;", findings: 1 },
  ],
} satisfies RuleCases;
