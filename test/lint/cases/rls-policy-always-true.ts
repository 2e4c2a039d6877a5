import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE ROLE app_user; CREATE TABLE docs (id bigint PRIMARY KEY, owner text); ALTER TABLE docs ENABLE ROW LEVEL SECURITY;",
  valid: [
    "CREATE POLICY docs_public_read ON docs FOR SELECT USING (true);",
    "CREATE POLICY docs_own ON docs FOR ALL TO app_user USING (owner = current_user) WITH CHECK (owner = current_user);",
    "CREATE POLICY docs_deny ON docs AS RESTRICTIVE FOR UPDATE USING (true);",
    "CREATE POLICY docs_insert ON docs FOR INSERT;",
  ],
  invalid: [
    { sql: "CREATE POLICY docs_all ON docs USING (true);", findings: 1 },
    { sql: "CREATE POLICY docs_insert ON docs FOR INSERT TO app_user WITH CHECK (true);", findings: 1 },
    { sql: "CREATE POLICY docs_update ON docs AS PERMISSIVE FOR UPDATE USING (owner = current_user) WITH CHECK (true);", findings: 1 },
  ],
} satisfies RuleCases;
