import { qualified } from "../../sql/ident.js";
import { defineRule } from "../rule.js";

export default defineRule({
  id: "policy-exists-rls-disabled",
  severity: "error",
  docs: {
    summary: "A table with row-level security policies while row-level security is disabled on it.",
    why: "Policies only apply once `ENABLE ROW LEVEL SECURITY` is set: until then every role with table privileges reads and writes every row, and the policies only look like protection.",
    fix: "`ALTER TABLE … ENABLE ROW LEVEL SECURITY` (takes ACCESS EXCLUSIVE briefly). Check first that the policies grant what the roles using the table need: from then on they see only what the policies allow.",
  },
  schema: (catalog) =>
    catalog.tables.flatMap((t) => {
      if (t.rowLevelSecurity) return [];
      const policies = catalog.policies.filter((p) => p.table.schema === t.schema && p.table.name === t.name).map((p) => p.name);
      if (policies.length === 0) return [];
      return [
        {
          message: `table ${t.schema}.${t.name} has policies (${policies.join(", ")}) but row-level security is disabled`,
          object: `${t.schema}.${t.name}`,
          fix: { title: "enable row-level security", sql: `ALTER TABLE ${qualified(t.schema, t.name)} ENABLE ROW LEVEL SECURITY;` },
        },
      ];
    }),
});
