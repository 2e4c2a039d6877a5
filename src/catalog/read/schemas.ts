import type { Schema } from "../model.js";
import { aclFrom } from "./acl.js";
import { type ReadContext, defined, textOf } from "./context.js";

export async function readSchemas(ctx: ReadContext): Promise<Schema[]> {
  const rows = await ctx.rows("schemas");
  return rows.map((r) => {
    const owner = String(r.owner);
    return defined<Schema>({
      name: String(r.name),
      owner,
      comment: textOf(r.comment),
      acl: aclFrom(r.acl, r.acl_default, owner),
    });
  });
}
