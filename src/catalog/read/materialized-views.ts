import type { MaterializedView } from "../model.js";
import { aclFrom } from "./acl.js";
import { type ReadContext, defined, textOf } from "./context.js";
import { storageParameters } from "./tables.js";
import { readViewColumns, viewQuery } from "./view-columns.js";

export async function readMaterializedViews(ctx: ReadContext): Promise<MaterializedView[]> {
  const [rows, columns] = await Promise.all([ctx.rows("materialized-views"), readViewColumns(ctx, "m")]);
  return rows.map((r) => {
    const owner = String(r.owner);
    return defined<MaterializedView>({
      schema: String(r.schema),
      name: String(r.name),
      owner,
      comment: textOf(r.comment),
      acl: aclFrom(r.acl, r.acl_default, owner),
      definition: viewQuery(r.definition),
      columns: columns.get(`${String(r.schema)}\u0000${String(r.name)}`) ?? [],
      populated: r.populated === true,
      storageParameters: storageParameters(r.reloptions, r.toast_reloptions),
      accessMethod: textOf(r.access_method),
      tablespace: textOf(r.tablespace),
    });
  });
}
