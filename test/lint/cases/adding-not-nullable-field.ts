import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE users (id bigint PRIMARY KEY, email text);",
  valid: [
    `ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
ALTER TABLE users DROP CONSTRAINT users_email_not_null;`,
    "CREATE TABLE t (id bigint PRIMARY KEY, a text); ALTER TABLE t ALTER COLUMN a SET NOT NULL;",
    "ALTER TABLE users ADD CONSTRAINT users_email_nn NOT NULL email NOT VALID;",
  ],
  invalid: [
    { sql: "ALTER TABLE users ALTER COLUMN email SET NOT NULL;", findings: 1 },
    { sql: "ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;", findings: 1 },
    { sql: "ALTER TABLE users ADD CONSTRAINT users_email_nn NOT NULL email;", findings: 1 },
  ],
} satisfies RuleCases;
