import type { Schema } from "../model.js";
import { objectId } from "../object-id.js";
import { aclFrom } from "./acl.js";
import { CATALOG } from "./catalog-objects.js";
import { type ReadContext, defined, textOf } from "./context.js";

export async function readSchemas(ctx: ReadContext): Promise<Schema[]> {
  const rows = await ctx.rows("schemas");
  return rows.map((r) => {
    const owner = String(r.owner);
    const name = String(r.name);
    ctx.register(CATALOG.namespace, r.oid, objectId.schema(name));
    return defined<Schema>({
      name,
      owner,
      comment: textOf(r.comment),
      acl: aclFrom(r.acl, r.acl_default, owner),
    });
  });
}
