import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE users (id bigint PRIMARY KEY, email text, deleted_at timestamptz);",
  valid: [
    "CREATE VIEW active AS SELECT id FROM users WHERE deleted_at IS NULL AND email IS DISTINCT FROM 'x = NULL::text';",
    "CREATE TABLE notes (id bigint PRIMARY KEY, body text CHECK (body IS NOT NULL)); UPDATE users SET email = NULL WHERE id = 1;",
  ],
  invalid: [
    { sql: "CREATE VIEW active AS SELECT id FROM users WHERE deleted_at = NULL;", findings: 1 },
    { sql: "CREATE TABLE notes (id bigint PRIMARY KEY, body text, CONSTRAINT has_body CHECK (NULL <> body));", findings: 1 },
    { sql: "ALTER TABLE users ENABLE ROW LEVEL SECURITY; CREATE POLICY live ON users USING (deleted_at != NULL);", findings: 1 },
  ],
} satisfies RuleCases;
