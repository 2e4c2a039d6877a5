import { qualified } from "../../sql/ident.js";
import { defineRule } from "../rule.js";

export default defineRule({
  id: "security-definer-view",
  severity: "error",
  docs: {
    summary: "A view without `security_invoker = true` (PostgreSQL 15+) in a schema whose USAGE is granted to roles other than the view's owner (and the database owner).",
    why: "A view reads its tables with its owner's rights: row-level security policies and column privileges are checked against the owner (usually the role that owns the tables, for whom RLS does not even apply), not against the role querying the view. Any role that can reach the view sees every row the owner sees.",
    fix: "`ALTER VIEW … SET (security_invoker = true)` (PostgreSQL 15+): the caller's privileges and policies then apply. Otherwise move the view to a schema other roles cannot use, or revoke SELECT on it.",
  },
  schema: (catalog) => {
    if (catalog.server.versionNum < 150000) return [];
    return catalog.views.flatMap((v) => {
      if (v.securityInvoker) return [];
      const schema = catalog.schemas.find((s) => s.name === v.schema);
      const others = [...new Set((schema?.acl ?? []).filter((g) => g.privilege === "USAGE" && g.grantee !== v.owner && g.grantee !== "pg_database_owner").map((g) => g.grantee))];
      if (others.length === 0) return [];
      return [
        {
          message: `view ${v.schema}.${v.name} runs with its owner's (${v.owner}) rights and policies, and schema ${v.schema} is usable by ${others.join(", ")}`,
          object: `${v.schema}.${v.name}`,
          fix: { title: "check the caller's rights and policies", sql: `ALTER VIEW ${qualified(v.schema, v.name)} SET (security_invoker = true);` },
        },
      ];
    });
  },
});
