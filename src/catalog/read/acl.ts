import type { Grant, Privilege, RoleName } from "../model.js";
import { jsonOf } from "./context.js";

/**
 * ACLs arrive as two JSON arrays from `aclexplode`: the object's own ACL and `acldefault` for its kind and owner.
 * Queries write `{{acl(c.relacl, 'r', c.relowner) as acl}}` (see `sql-template.ts`), giving columns `acl` and
 * `acl_default`. When the object has no ACL (NULL) or its ACL equals the default as a set, the model leaves `acl` out.
 */
export type AclTuple = [grantee: string, grantor: string, privilege: string, grantable: boolean];

export function aclFrom(actual: unknown, defaults: unknown, owner: RoleName): Grant[] | undefined {
  const tuples = jsonOf<AclTuple[]>(actual);
  if (tuples === undefined) return undefined;
  const grants = tuples.map(([grantee, grantor, privilege, grantable]) => toGrant(grantee, grantor, privilege, grantable, owner));
  const defaultGrants = (jsonOf<AclTuple[]>(defaults) ?? []).map(([grantee, grantor, privilege, grantable]) =>
    toGrant(grantee, grantor, privilege, grantable, owner),
  );
  const key = (g: Grant): string => `${g.grantee}\u0000${g.privilege}\u0000${g.grantable}\u0000${g.grantor ?? ""}`;
  const sortedGrants = grants.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const same =
    sortedGrants.length === defaultGrants.length &&
    new Set(defaultGrants.map(key)).size === defaultGrants.length &&
    defaultGrants.every((g) => sortedGrants.some((s) => key(s) === key(g)));
  return same ? undefined : sortedGrants;
}

/** Column ACLs have no default: NULL or empty means no column privileges. */
export function columnAclFrom(actual: unknown, tableOwner: RoleName): Grant[] | undefined {
  const tuples = jsonOf<AclTuple[]>(actual);
  if (!tuples || tuples.length === 0) return undefined;
  return aclFrom(actual, "[]", tableOwner);
}

function toGrant(grantee: string, grantor: string, privilege: string, grantable: boolean, owner: RoleName): Grant {
  const grant: Grant = { grantee, privilege: privilege as Privilege, grantable };
  return grantor === owner ? grant : { ...grant, grantor };
}
