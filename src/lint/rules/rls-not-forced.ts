import { defineRule } from "../rule.js";

export default defineRule({
  id: "rls-not-forced",
  severity: "info",
  docs: {
    summary: "A table with row-level security enabled but not forced (`FORCE ROW LEVEL SECURITY`).",
    why: "Without FORCE the table's owner bypasses every policy (as do superusers and BYPASSRLS roles, whatever is set). When the application connects as the role that owns its tables, which is common, the policies protect nothing for it.",
    fix: "`ALTER TABLE … FORCE ROW LEVEL SECURITY` where the owner serves traffic (the owner's migrations and jobs then need policies that let them through), or connect the application as a role that does not own the tables.",
  },
  schema: (catalog) =>
    catalog.tables
      .filter((t) => t.rowLevelSecurity && !t.forceRowLevelSecurity)
      .map((t) => ({ message: `table ${t.schema}.${t.name} has row-level security enabled but not forced: its owner ${t.owner} bypasses the policies`, object: `${t.schema}.${t.name}` })),
});
