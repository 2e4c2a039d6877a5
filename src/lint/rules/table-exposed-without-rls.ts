import { qualified } from "../../sql/ident.js";
import { defineRule } from "../rule.js";

const stringList = (v: unknown): readonly string[] | undefined => (Array.isArray(v) && v.every((x) => typeof x === "string") ? v : undefined);

export default defineRule({
  id: "table-exposed-without-rls",
  severity: "warning",
  docs: {
    summary:
      "A table without row-level security that a login role other than its owner may read or write (granted directly, through PUBLIC or through a role it belongs to). Option `roles`: only these roles count (default: every login role that is not a superuser).",
    why: "Without RLS, any session of that role sees and changes every row: in a multi-tenant or user-facing database (an API role, a reporting login, PostgREST's or Supabase's roles) one bug or one injected query reads every tenant's data. RLS makes the database enforce the boundary. Roles with BYPASSRLS are left out: RLS would not bind them anyway.",
    fix: "`ALTER TABLE … ENABLE ROW LEVEL SECURITY` and write the policies the role needs (`CREATE POLICY`); without a policy the role sees no rows. Or revoke the role's privileges if it should not reach the table, or list the roles that matter in the `roles` option.",
  },
  live: (catalog, stats, context) => {
    const only = stringList(context.options.roles);
    return catalog.tables.flatMap((t) => {
      if (t.partitionOf || t.rowLevelSecurity) return [];
      const access = stats.tableAccess.filter((a) => a.schema === t.schema && a.table === t.name && !a.bypassRls && (!only || only.includes(a.role)));
      if (access.length === 0) return [];
      const who = access.map((a) => `${a.role} (${a.privileges.join(", ")})`).join("; ");
      return [
        {
          message: `table ${t.schema}.${t.name} has no row-level security, and login roles may reach every row: ${who}`,
          object: `${t.schema}.${t.name}`,
          fix: {
            title: "enable row-level security (then add the policies the roles need: without one they see no rows)",
            sql: `ALTER TABLE ${qualified(t.schema, t.name)} ENABLE ROW LEVEL SECURITY;`,
          },
        },
      ];
    });
  },
});
