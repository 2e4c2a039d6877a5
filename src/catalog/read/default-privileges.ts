import type { DefaultPrivilege } from "../model.js";
import { aclFrom } from "./acl.js";
import { type ReadContext, defined, textOf } from "./context.js";

/** `defaclobjtype` letters. */
const OBJECT_TYPES: Record<string, DefaultPrivilege["objectType"]> = {
  r: "tables",
  S: "sequences",
  f: "functions",
  T: "types",
  n: "schemas",
  L: "large objects",
};

export async function readDefaultPrivileges(ctx: ReadContext): Promise<DefaultPrivilege[]> {
  const rows = await ctx.rows("default-privileges");
  return rows.map((r) => {
    const role = String(r.role);
    const objectType = OBJECT_TYPES[String(r.object_type)];
    if (objectType === undefined) throw new Error(`default privileges of ${role}: unknown object type ${String(r.object_type)}`);
    return defined<DefaultPrivilege>({
      role,
      schema: textOf(r.schema),
      objectType,
      // Compared with nothing, so the grants come back in full (sorted); the grantor is always the role itself.
      grants: aclFrom(r.acl, "[]", role) ?? [],
    });
  });
}
