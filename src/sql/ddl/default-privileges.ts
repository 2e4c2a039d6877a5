import type { DefaultPrivilege, Grant } from "../../catalog/model.js";
import { objectId } from "../../catalog/object-id.js";
import { ident, role } from "../ident.js";
import type { DdlContext } from "./context.js";
import { type DdlPiece, piece } from "./piece.js";

const KEYWORDS: Record<DefaultPrivilege["objectType"], string> = {
  tables: "TABLES",
  sequences: "SEQUENCES",
  functions: "FUNCTIONS",
  types: "TYPES",
  schemas: "SCHEMAS",
  "large objects": "LARGE OBJECTS",
};

/**
 * `ALTER DEFAULT PRIVILEGES`, in the last phase: objects the script creates must not pick them up (their own
 * privileges are stated on each of them). An entry for every schema holds the full privileges, so everything is
 * revoked first and the grants are stated, as pg_dump does; PostgreSQL drops the entry again when that equals the
 * built-in default. An entry for one schema can only add to the others, so it is grants alone.
 */
export function defaultPrivilegePieces(entries: readonly DefaultPrivilege[], ctx: DdlContext): DdlPiece[] {
  if (!ctx.privileges) return [];
  return entries.map((d) => {
    const prefix = `ALTER DEFAULT PRIVILEGES FOR ROLE ${ident(d.role)}${d.schema === undefined ? "" : ` IN SCHEMA ${ident(d.schema)}`}`;
    const on = KEYWORDS[d.objectType];
    const statements: string[] = [];
    if (d.schema === undefined) {
      statements.push(`${prefix} REVOKE ALL ON ${on} FROM PUBLIC;`, `${prefix} REVOKE ALL ON ${on} FROM ${ident(d.role)};`);
    }
    for (const [grantee, grantable, privileges] of grantGroups(d.grants)) {
      statements.push(`${prefix} GRANT ${privileges.join(", ")} ON ${on} TO ${role(grantee)}${grantable ? " WITH GRANT OPTION" : ""};`);
    }
    return piece({
      creates: [],
      requires: d.schema === undefined ? [] : [objectId.schema(d.schema)],
      statements,
      phase: "default-privilege",
      key: `${d.role}\u0000${d.schema ?? ""}\u0000${d.objectType}`,
    });
  });
}

/** One GRANT per grantee and grant option; the grantor of default privileges is always their role. */
function grantGroups(grants: readonly Grant[]): [grantee: string, grantable: boolean, privileges: string[]][] {
  const groups = new Map<string, [string, boolean, string[]]>();
  for (const g of grants) {
    const key = `${g.grantee}\u0000${g.grantable}`;
    const group = groups.get(key) ?? [g.grantee, g.grantable, []];
    group[2].push(g.privilege);
    groups.set(key, group);
  }
  return [...groups.values()].map(([grantee, grantable, privileges]) => [grantee, grantable, privileges.sort()]);
}
