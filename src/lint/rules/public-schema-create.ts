import { ident } from "../../sql/ident.js";
import { names } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

export default defineRule({
  id: "public-schema-create",
  severity: "warning",
  docs: {
    summary: "`CREATE` on a schema granted to PUBLIC (every role), as PostgreSQL 14 and older grant it on `public` by default.",
    why: "Any role that can connect can create tables, functions and operators there; with the schema on everyone's `search_path`, a function or operator planted there can capture calls from other roles (CVE-2018-1058). PostgreSQL 15+ no longer grants CREATE on `public` to PUBLIC in new databases, but databases created before (and upgraded with pg_upgrade or restored from an old dump) keep the grant.",
    fix: "`REVOKE CREATE ON SCHEMA public FROM PUBLIC`, and grant CREATE only to the roles that own objects there.",
  },
  statement: ({ kind, node }) => {
    if (kind !== "GrantStmt" || node.is_grant !== true || node.objtype !== "OBJECT_SCHEMA" || node.targtype !== "ACL_TARGET_OBJECT") return [];
    const privileges = ((node.privileges ?? []) as Node[]).map((p) => ((p.AccessPriv as Node | undefined)?.priv_name as string | undefined) ?? "");
    // No privilege list: GRANT ALL (USAGE and CREATE).
    if (privileges.length > 0 && !privileges.includes("create")) return [];
    const toPublic = ((node.grantees ?? []) as Node[]).find((g) => (g.RoleSpec as Node | undefined)?.roletype === "ROLESPEC_PUBLIC");
    if (!toPublic) return [];
    return names(node.objects).map((schema) => ({
      message: `CREATE on schema ${schema} is granted to PUBLIC: every role can create objects in it`,
      object: schema,
      at: (toPublic.RoleSpec as Node).location as number,
    }));
  },
  schema: (catalog) =>
    catalog.schemas
      .filter((s) => s.acl?.some((g) => g.grantee === "PUBLIC" && g.privilege === "CREATE"))
      .map((s) => ({
        message: `CREATE on schema ${s.name} is granted to PUBLIC: every role can create objects in it`,
        object: s.name,
        fix: { title: "revoke CREATE from PUBLIC", sql: `REVOKE CREATE ON SCHEMA ${ident(s.name)} FROM PUBLIC;` },
      })),
});
