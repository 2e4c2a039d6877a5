import type { Sequence } from "../model.js";
import { objectId } from "../object-id.js";
import { aclFrom } from "./acl.js";
import { type ReadContext, defined, jsonOf, registerRelation, textOf } from "./context.js";

export async function readSequences(ctx: ReadContext): Promise<Sequence[]> {
  const rows = await ctx.rows("sequences");
  return rows.map((r) => {
    const owner = String(r.owner);
    const ownedBy = jsonOf<[string, string, string]>(r.owned_by);
    const q = { schema: String(r.schema), name: String(r.name) };
    registerRelation(ctx, r, objectId.sequence(q));
    return defined<Sequence>({
      ...q,
      owner,
      comment: textOf(r.comment),
      acl: aclFrom(r.acl, r.acl_default, owner),
      dataType: String(r.data_type) as Sequence["dataType"],
      start: String(r.start),
      increment: String(r.increment),
      min: String(r.min),
      max: String(r.max),
      cache: String(r.cache),
      cycle: r.cycle === true,
      unlogged: r.unlogged === true ? true : undefined,
      ownedBy: ownedBy && { table: { schema: ownedBy[0], name: ownedBy[1] }, column: ownedBy[2] },
    });
  });
}
