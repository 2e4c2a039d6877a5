import type { MaterializedView, RelationColumn, View } from "../../catalog/model.js";
import { objectId } from "../../catalog/object-id.js";
import { ident, qname } from "../ident.js";
import { ownerStatement } from "./acl.js";
import { commentPiece } from "./comment.js";
import type { DdlContext } from "./context.js";
import { type DdlPiece, piece } from "./piece.js";
import { withClause } from "./table-options.js";
import { relationRequires } from "./table-refs.js";
import { privilegePiece } from "./table-privileges.js";
import { referencedIds } from "./type-refs.js";

/** Views as pg_dump writes them: `CREATE VIEW … WITH (options) AS query [WITH … CHECK OPTION]`. */
export function viewPieces(views: readonly View[], ctx: DdlContext): DdlPiece[] {
  return views.flatMap((v) => {
    const id = objectId.view(v);
    const name = qname(v);
    const options = [
      ...(v.securityBarrier ? ["security_barrier=true"] : []),
      ...(v.securityInvoker ? ["security_invoker=true"] : []),
      ...(v.storageParameters ?? []),
    ];
    const check = v.checkOption ? `\n  WITH ${v.checkOption.toUpperCase()} CHECK OPTION` : "";
    const create = `VIEW ${name}${withClause(options)} AS\n ${v.definition}${check};`;
    // A view that selects from itself (it can: `CREATE OR REPLACE` made it so) needs to exist before its query is
    // accepted: first a stand-in with the same columns, as pg_dump writes one.
    const statements = referencedIds(ctx, v.definition).includes(id)
      ? [standIn(name, v.columns), `CREATE OR REPLACE ${create}`]
      : [`CREATE ${create}`];
    statements.push(...columnDefaults(name, v.columns));
    if (ctx.owners) statements.push(ownerStatement("VIEW", name, v.owner));
    return [
      piece({
        creates: [id, ...v.columns.map((c) => objectId.column(v, c.name))],
        requires: [objectId.schema(v.schema), ...relationRequires(ctx, [id], v.definition, ...v.columns.map((c) => c.default))],
        statements,
        phase: "view",
      }),
      ...relationCommentsAndGrants(v, "VIEW", ctx),
    ];
  });
}

function standIn(name: string, columns: readonly RelationColumn[]): string {
  const list = columns.map((c) => `NULL::${c.type} AS ${ident(c.name)}`).join(",\n    ");
  return `CREATE VIEW ${name} AS\n SELECT ${list};`;
}

/** `ALTER VIEW … ALTER COLUMN … SET DEFAULT`: what an insert through the view puts into a column it leaves out. */
function columnDefaults(name: string, columns: readonly RelationColumn[]): string[] {
  return columns.flatMap((c) => (c.default === undefined ? [] : [`ALTER VIEW ${name} ALTER COLUMN ${ident(c.name)} SET DEFAULT ${c.default};`]));
}

/** Comments and privileges of a view or materialized view and of its columns. */
export function relationCommentsAndGrants(
  v: View | MaterializedView,
  keyword: "VIEW" | "MATERIALIZED VIEW",
  ctx: DdlContext,
): DdlPiece[] {
  const id = keyword === "VIEW" ? objectId.view(v) : objectId.materializedView(v);
  const name = qname(v);
  return [
    ...commentPiece(id, `${keyword} ${name}`, v.comment),
    ...v.columns.flatMap((c) => commentPiece(objectId.column(v, c.name), `COLUMN ${name}.${ident(c.name)}`, c.comment)),
    ...(ctx.privileges ? privilegePiece(id, name, v) : []),
  ];
}
