import { defineRule, type RuleContext } from "../rule.js";
import type { Node } from "../statements.js";

/** Roles of the server or of a managed service rather than of an application. */
const DEFAULT_SYSTEM_ROLES = ["postgres", "rdsadmin", "rds_superuser", "cloudsqladmin", "cloudsqlsuperuser", "azure_superuser", "azuresu", "azure_pg_admin", "supabase_admin", "alloydbsuperuser"];

/** Whether the role is a system role: the `roles` option (a list) or the default, and every `pg_` role but `pg_database_owner`. */
const isSystemRole = (role: string, context: RuleContext): boolean => {
  const option = context.options.roles;
  const listed = Array.isArray(option) && option.every((x) => typeof x === "string") ? (option as string[]) : DEFAULT_SYSTEM_ROLES;
  return listed.includes(role) || (role.startsWith("pg_") && role !== "pg_database_owner");
};

export default defineRule({
  id: "schema-owner-system-role",
  severity: "warning",
  docs: {
    summary: "A schema owned by a superuser or a system role (`postgres`, `rdsadmin`, `supabase_admin`, a `pg_` role but `pg_database_owner`; option `roles` replaces the list).",
    why: "The owner of a schema can drop or replace anything in it: ownership by the superuser means migrations and the application need superuser rights to manage their own objects (or fail on ownership), and nothing separates the application's objects from the server's. `public` owned by `pg_database_owner` (the PostgreSQL 15+ default) is fine.",
    fix: "A dedicated owner role without superuser rights: `CREATE ROLE app_owner NOLOGIN; ALTER SCHEMA … OWNER TO app_owner` (and the schema's objects with it).",
  },
  statement: ({ kind, node }, _state, context) => {
    const roleOf = (spec: Node | undefined): string | undefined => spec?.rolename as string | undefined;
    if (kind === "CreateSchemaStmt") {
      const role = roleOf(node.authrole as Node | undefined);
      const name = (node.schemaname as string | undefined) ?? role;
      return role && name && isSystemRole(role, context) ? [{ message: `schema ${name} is owned by the system role ${role}`, object: name }] : [];
    }
    if (kind === "AlterOwnerStmt" && node.objectType === "OBJECT_SCHEMA") {
      const role = roleOf(node.newowner as Node | undefined);
      const name = ((node.object as Node | undefined)?.String as Node | undefined)?.sval as string | undefined;
      return role && name && isSystemRole(role, context) ? [{ message: `schema ${name} is owned by the system role ${role}`, object: name }] : [];
    }
    return [];
  },
  schema: (catalog, context) =>
    catalog.schemas.filter((s) => isSystemRole(s.owner, context)).map((s) => ({ message: `schema ${s.name} is owned by the system role ${s.owner}`, object: s.name })),
});
