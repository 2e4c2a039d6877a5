import type { Grant, ObjectId, RoleName } from "../../catalog/model.js";
import { ident, role } from "../ident.js";
import { type DdlPiece, piece } from "./piece.js";

/**
 * Privileges as statements. A model `acl` is the full list of grants (absent = the built-in default), so the
 * statements first clear what a new object gets and then grant exactly the listed privileges, as pg_dump does.
 *
 * `objectType` is the GRANT object keyword (`TABLE`, `SEQUENCE`, `FUNCTION`, `PROCEDURE`, `SCHEMA`, `TYPE`,
 * `DOMAIN`, `FOREIGN SERVER`, `FOREIGN DATA WRAPPER`, `LANGUAGE`); `target` the quoted name (with argument types for
 * routines). `columns` is for column privileges: then `acl` holds that column's grants only and nothing is revoked
 * first (a new column has none).
 */
export function aclStatements(
  objectType: string,
  target: string,
  owner: RoleName,
  acl: readonly Grant[] | undefined,
  column?: string,
): string[] {
  if (acl === undefined) return [];
  const statements: string[] = [];
  if (column === undefined) {
    statements.push(`REVOKE ALL ON ${objectType} ${target} FROM PUBLIC;`);
    statements.push(`REVOKE ALL ON ${objectType} ${target} FROM ${role(owner)};`);
  }
  const on = column === undefined ? `${objectType} ${target}` : `${objectType} ${target}`;
  const columnList = column === undefined ? "" : ` (${ident(column)})`;
  // One GRANT per (grantor, grantee, grant option), privileges in a stable order.
  const groups = new Map<string, { grantor?: RoleName; grantee: RoleName; grantable: boolean; privileges: string[] }>();
  for (const g of acl) {
    const key = `${g.grantor ?? ""}\u0000${g.grantee}\u0000${g.grantable}`;
    const group = groups.get(key) ?? { grantor: g.grantor, grantee: g.grantee, grantable: g.grantable, privileges: [] };
    group.privileges.push(g.privilege + columnList);
    groups.set(key, group);
  }
  // Grants made by a grantee holding GRANT OPTION come after the grant that gave the option, however deep the chain.
  const grantorOf = new Map(acl.filter((g) => g.grantable).map((g) => [g.grantee, g.grantor ?? owner]));
  const depth = (grantor: RoleName | undefined, seen = new Set<RoleName>()): number => {
    if (grantor === undefined || grantor === owner || seen.has(grantor)) return 0;
    seen.add(grantor);
    return 1 + depth(grantorOf.get(grantor), seen);
  };
  const ordered = [...groups.values()].sort(
    (a, b) => depth(a.grantor) - depth(b.grantor) || (a.grantee < b.grantee ? -1 : a.grantee > b.grantee ? 1 : 0),
  );
  for (const group of ordered) {
    const grant = `GRANT ${group.privileges.sort().join(", ")} ON ${on} TO ${role(group.grantee)}${group.grantable ? " WITH GRANT OPTION" : ""};`;
    if (group.grantor !== undefined && group.grantor !== owner) {
      // SET ROLE, not SET SESSION AUTHORIZATION: PGlite's RESET SESSION AUTHORIZATION does not go back.
      statements.push(`SET ROLE ${role(group.grantor)};`, grant, "RESET ROLE;");
    } else {
      statements.push(grant);
    }
  }
  return statements;
}

/** The same statements as a piece that runs after the object exists. */
export function aclPiece(
  on: ObjectId,
  objectType: string,
  target: string,
  owner: RoleName,
  acl: readonly Grant[] | undefined,
  column?: string,
): DdlPiece[] {
  const statements = aclStatements(objectType, target, owner, acl, column);
  if (statements.length === 0) return [];
  // A grantor other than the owner acts under its own name and needs its own privileges (USAGE on the schema) first.
  const delegated = acl?.some((g) => g.grantor !== undefined && g.grantor !== owner) ?? false;
  return [piece({ creates: [], requires: [on], statements, phase: delegated ? "delegated-privilege" : "privilege", key: on })];
}

/** `ALTER <objectType> <target> OWNER TO <owner>;` */
export function ownerStatement(objectType: string, target: string, owner: RoleName): string {
  return `ALTER ${objectType} ${target} OWNER TO ${role(owner)};`;
}
