import { defineRule } from "../rule.js";

export default defineRule({
  id: "rls-enabled-no-policy",
  severity: "warning",
  docs: {
    summary: "A table with Row-Level Security enabled and no policy.",
    why: "With RLS on and no policy, every role but the owner (and superusers) sees no rows and can write none: almost always a forgotten policy.",
    fix: "Add the policies (`CREATE POLICY … USING (…)`), or disable RLS if it is not meant.",
  },
  schema: (catalog) =>
    catalog.tables
      .filter((t) => t.rowLevelSecurity && !catalog.policies.some((p) => p.table.schema === t.schema && p.table.name === t.name))
      .map((t) => ({ message: `table ${t.schema}.${t.name} has RLS enabled and no policy`, object: `${t.schema}.${t.name}` })),
});
