import { ident } from "../../sql/ident.js";
import type { DesignBuilder } from "../builder.js";

/**
 * Row-Level Security for a multi-tenant spec: ENABLE and FORCE on every tenant-scoped table (and the tenants table,
 * keyed by its id), one policy per command on the tenant key read from a setting, and grants to the application role.
 */
export function buildTenancy(b: DesignBuilder): void {
  const t = b.r.tenancy;
  if (!t) return;
  const tenants = b.table(t.entity.table);
  const keyType = tenants.columns.find((c) => c.name === "id")!.type;
  if (!t.rls) {
    b.decide("rls-tenant", t.entity.table, "no Row-Level Security", "the spec turns RLS off: isolation rests on every query filtering by the tenant key");
    return;
  }
  b.roles.add(t.role);
  const current = `NULLIF(current_setting('${t.setting}', true), '')::${keyType}`;
  for (const table of b.tables) {
    const key = table === tenants ? "id" : table.tenantKey;
    if (table.name === "audit_log") {
      b.grants.push({ table: table.name, role: t.role, privileges: "SELECT, INSERT" });
      continue;
    }
    if (key === undefined) {
      b.grants.push({ table: table.name, role: t.role, privileges: "SELECT" });
      b.decide("rls-tenant", table.name, `global: no RLS, ${t.role} may only read it`, "rows shared by every tenant; changing them is an administrator's job");
      continue;
    }
    table.rls = true;
    const check = `${ident(key)} = ${current}`;
    const name = (command: string): string => `${table.name}_tenant_${command}`;
    b.policies.push({ table: table.name, name: name("select"), command: "select", role: t.role, using: check });
    if (table !== tenants) {
      b.policies.push({ table: table.name, name: name("insert"), command: "insert", role: t.role, withCheck: check });
      b.policies.push({ table: table.name, name: name("update"), command: "update", role: t.role, using: check, withCheck: check });
      b.policies.push({ table: table.name, name: name("delete"), command: "delete", role: t.role, using: check });
    }
    b.grants.push({ table: table.name, role: t.role, privileges: table === tenants ? "SELECT" : "SELECT, INSERT, UPDATE, DELETE" });
    b.decide(
      "rls-tenant",
      table.name,
      `ENABLE + FORCE ROW LEVEL SECURITY; ${table === tenants ? "a SELECT policy" : "SELECT/INSERT/UPDATE/DELETE policies"} for ${t.role} on ${key} = current_setting('${t.setting}')`,
      `each session sets ${t.setting} (SET LOCAL in a transaction, or set_config); without it the setting is NULL and no row is visible, so a forgotten filter fails closed. FORCE applies the policies to the table owner too; superusers and BYPASSRLS roles still bypass them, so the application must not connect as one`,
    );
  }
  if (b.r.schema !== "public") b.schemaGrants.push({ role: t.role, schema: b.r.schema });
}
