import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE TABLE docs (id bigint PRIMARY KEY, tenant_id bigint NOT NULL, owner text, body text); ALTER TABLE docs ENABLE ROW LEVEL SECURITY;",
  valid: [
    "CREATE INDEX docs_tenant_idx ON docs (tenant_id, id); CREATE POLICY tenant ON docs USING (tenant_id = (SELECT current_setting('app.tenant')::bigint));",
    "CREATE POLICY mine ON docs FOR INSERT WITH CHECK (owner = current_user); CREATE POLICY by_id ON docs FOR SELECT USING (id = 1);",
  ],
  invalid: [
    { sql: "CREATE POLICY tenant ON docs USING (tenant_id = (SELECT current_setting('app.tenant')::bigint));", findings: 1 },
    { sql: "CREATE INDEX docs_owner_partial ON docs (owner) WHERE body IS NOT NULL; CREATE POLICY mine ON docs USING (owner = current_user OR tenant_id IN (1, 2)); CREATE POLICY mine2 ON docs FOR DELETE USING (owner = session_user);", findings: 2 },
  ],
} satisfies RuleCases;
