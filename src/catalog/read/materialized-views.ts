import type { MaterializedView } from "../model.js";
import { objectId } from "../object-id.js";
import { aclFrom } from "./acl.js";
import { CATALOG } from "./catalog-objects.js";
import { type ReadContext, defined, registerRelation, textOf } from "./context.js";
import { storageParameters } from "./tables.js";
import { readViewColumns, viewQueries } from "./view-columns.js";

export async function readMaterializedViews(ctx: ReadContext): Promise<MaterializedView[]> {
  const [rows, columns] = await Promise.all([ctx.rows("materialized-views"), readViewColumns(ctx, "m")]);
  const definitions = await viewQueries(rows.map((r) => r.definition));
  return rows.map((r, i) => {
    const owner = String(r.owner);
    const q = { schema: String(r.schema), name: String(r.name) };
    const id = objectId.materializedView(q);
    registerRelation(ctx, r, id, 0);
    if (r.return_rule != null) ctx.register(CATALOG.rewrite, r.return_rule, id);
    return defined<MaterializedView>({
      ...q,
      owner,
      comment: textOf(r.comment),
      acl: aclFrom(r.acl, r.acl_default, owner),
      definition: definitions[i]!,
      columns: columns.get(`${String(r.schema)}\u0000${String(r.name)}`) ?? [],
      populated: r.populated === true,
      storageParameters: storageParameters(r.reloptions, r.toast_reloptions),
      accessMethod: textOf(r.access_method),
      tablespace: textOf(r.tablespace),
    });
  });
}
