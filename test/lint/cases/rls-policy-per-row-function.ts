import type { RuleCases } from "./case-types.js";

export default {
  setup:
    "CREATE SCHEMA auth; CREATE FUNCTION auth.uid() RETURNS uuid STABLE LANGUAGE sql RETURN '00000000-0000-0000-0000-000000000000'::uuid; CREATE TABLE docs (id bigint PRIMARY KEY, owner_id uuid, tenant text); ALTER TABLE docs ENABLE ROW LEVEL SECURITY;",
  valid: [
    "CREATE POLICY own ON docs USING (owner_id = (SELECT auth.uid()));",
    "CREATE POLICY tenant ON docs USING (tenant = (SELECT current_setting('app.tenant'))) WITH CHECK (tenant = (SELECT current_setting('app.tenant')) AND tenant <> 'current_setting(x)');",
  ],
  invalid: [
    { sql: "CREATE POLICY own ON docs USING (owner_id = auth.uid());", findings: 1 },
    { sql: "CREATE POLICY tenant ON docs FOR INSERT WITH CHECK (tenant = current_setting('app.tenant', true));", findings: 1 },
    { sql: "CREATE POLICY own ON docs USING (owner_id = (SELECT auth.uid())); ALTER POLICY own ON docs USING (owner_id = auth.uid() OR tenant = (SELECT current_setting('app.tenant')));", findings: 1 },
  ],
} satisfies RuleCases;
