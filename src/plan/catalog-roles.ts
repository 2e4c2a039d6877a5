import type { Catalog, RoleName } from "../catalog/model.js";

/** Model fields that name a role: owners, grantees and grantors, default-privilege roles, policy roles. */
const ROLE_FIELDS = new Set(["owner", "grantee", "grantor", "role"]);
const ROLE_LIST_FIELDS = new Set(["roles"]);

/**
 * Every role a catalog names, sorted, without the `PUBLIC` pseudo-role. Roles live outside any database, so a
 * scratch copy of a schema needs them created first. The walk goes by field name so that a kind added to the model
 * later is covered without a change here.
 */
export function catalogRoles(...catalogs: readonly Catalog[]): RoleName[] {
  const found = new Set<RoleName>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (typeof value !== "object" || value === null) return;
    for (const [key, v] of Object.entries(value)) {
      if (ROLE_FIELDS.has(key) && typeof v === "string") {
        found.add(v);
      } else if (ROLE_LIST_FIELDS.has(key) && Array.isArray(v)) {
        for (const r of v) if (typeof r === "string") found.add(r);
      } else {
        visit(v);
      }
    }
  };
  for (const c of catalogs) {
    const { dependencies: _d, unmodeled: _u, server: _s, ...objects } = c;
    visit(objects);
  }
  found.delete("PUBLIC");
  return [...found].sort();
}
