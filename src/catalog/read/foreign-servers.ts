import type { ForeignServer } from "../model.js";
import { objectId } from "../object-id.js";
import { aclFrom } from "./acl.js";
import { CATALOG } from "./catalog-objects.js";
import { type ReadContext, defined, listOf, textOf } from "./context.js";

export async function readForeignServers(ctx: ReadContext): Promise<ForeignServer[]> {
  const rows = await ctx.rows("foreign-servers");
  return rows.map((r) => {
    const owner = String(r.owner);
    const name = String(r.name);
    ctx.register(CATALOG.foreignServer, r.oid, objectId.foreignServer(name));
    return defined<ForeignServer>({
      name,
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
