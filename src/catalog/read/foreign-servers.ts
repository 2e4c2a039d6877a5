import type { ForeignServer } from "../model.js";
import { aclFrom } from "./acl.js";
import { type ReadContext, defined, listOf, textOf } from "./context.js";

export async function readForeignServers(ctx: ReadContext): Promise<ForeignServer[]> {
  const rows = await ctx.rows("foreign-servers");
  return rows.map((r) => {
    const owner = String(r.owner);
    return defined<ForeignServer>({
      name: String(r.name),
      owner,
      comment: textOf(r.comment),
      acl: aclFrom(r.acl, r.acl_default, owner),
      wrapper: String(r.wrapper),
      type: textOf(r.type),
      version: textOf(r.version),
      options: listOf(r.options)?.sort(),
    });
  });
}
