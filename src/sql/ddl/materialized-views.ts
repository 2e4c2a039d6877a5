import type { MaterializedView } from "../../catalog/model.js";
import { objectId } from "../../catalog/object-id.js";
import { ident, qname } from "../ident.js";
import { ownerStatement } from "./acl.js";
import type { DdlContext } from "./context.js";
import { type DdlPiece, piece } from "./piece.js";
import { withClause } from "./table-options.js";
import { relationRequires } from "./table-refs.js";
import { relationCommentsAndGrants } from "./views.js";

/**
 * `CREATE MATERIALIZED VIEW … WITH [NO] DATA`: a populated one runs its query at creation, which on a freshly
 * created schema reads empty tables, as `REFRESH` would. Its indexes are in the index list.
 */
export function materializedViewPieces(views: readonly MaterializedView[], ctx: DdlContext): DdlPiece[] {
  return views.flatMap((m) => {
    const id = objectId.materializedView(m);
    const name = qname(m);
    let create = `CREATE MATERIALIZED VIEW ${name}`;
    if (m.accessMethod) create += ` USING ${ident(m.accessMethod)}`;
    create += withClause(m.storageParameters);
    if (m.tablespace) create += ` TABLESPACE ${ident(m.tablespace)}`;
    const statements = [`${create} AS\n ${m.definition}\n  WITH ${m.populated ? "" : "NO "}DATA;`];
    if (ctx.owners) statements.push(ownerStatement("MATERIALIZED VIEW", name, m.owner));
    return [
      piece({
        creates: [id, ...m.columns.map((c) => objectId.column(m, c.name))],
        requires: [objectId.schema(m.schema), ...relationRequires(ctx, [id], m.definition)],
        statements,
        phase: "view",
      }),
      ...relationCommentsAndGrants(m, "MATERIALIZED VIEW", ctx),
    ];
  });
}
