import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE users (id bigint PRIMARY KEY, email text, tenant bigint);",
  valid: [
    "CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);\nALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;",
    "CREATE TABLE t (a int); ALTER TABLE t ADD UNIQUE (a);",
  ],
  invalid: [
    { sql: "ALTER TABLE users ADD CONSTRAINT users_tenant_email_key UNIQUE NULLS NOT DISTINCT (tenant, email) DEFERRABLE;", findings: 1 },
    { sql: "ALTER TABLE users ADD UNIQUE (email);", findings: 1 },
    { sql: "ALTER TABLE users ADD COLUMN handle text UNIQUE, ADD UNIQUE (tenant, id);", findings: 2 },
  ],
} satisfies RuleCases;
