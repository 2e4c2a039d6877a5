import type { Catalog, ObjectId, QualifiedName, Trigger } from "../../catalog/model.js";
import { objectId } from "../../catalog/object-id.js";
import { ident, qname } from "../ident.js";
import { commentPiece } from "./comment.js";
import type { DdlContext } from "./context.js";
import { type DdlPiece, piece } from "./piece.js";

export function triggerPieces(triggers: readonly Trigger[], ctx: DdlContext): DdlPiece[] {
  return triggers.flatMap((t) => {
    const id = objectId.trigger(t.table, t.name);
    const relation = relationOf(ctx.catalog, t.table);
    const requires = [
      relation.id,
      objectId.routine(t.function, ""),
      ...(t.constraint?.referencedTable ? [relationOf(ctx.catalog, t.constraint.referencedTable).id] : []),
      ...(t.updateColumns ?? []).map((c) => objectId.column(t.table, c)),
    ];
    // `pg_get_triggerdef` is the exact statement, as pg_dump uses it; the enabled state is not part of it.
    const statements = [`${t.definition};`];
    if (t.enabled !== undefined) {
      statements.push(`ALTER ${relation.keyword} ${qname(t.table)} ${ENABLE[t.enabled]} TRIGGER ${ident(t.name)};`);
    }
    return [
      piece({ creates: [id], requires, statements, phase: "trigger" }),
      ...commentPiece(id, `TRIGGER ${ident(t.name)} ON ${qname(t.table)}`, t.comment),
    ];
  });
}

/** `ALTER TABLE … <this> TRIGGER|RULE name` for each non-default enabled state. */
export const ENABLE = { disabled: "DISABLE", replica: "ENABLE REPLICA", always: "ENABLE ALWAYS" } as const;

/**
 * The id and `ALTER` keyword of the relation a trigger or rule sits on: views, materialized views and foreign tables
 * have ids and ALTER commands of their own. Anything else is taken for a table.
 */
export function relationOf(catalog: Catalog, q: QualifiedName): { id: ObjectId; keyword: string } {
  const same = (o: QualifiedName): boolean => o.schema === q.schema && o.name === q.name;
  if (catalog.views.some(same)) return { id: objectId.view(q), keyword: "VIEW" };
  if (catalog.materializedViews.some(same)) return { id: objectId.materializedView(q), keyword: "MATERIALIZED VIEW" };
  const table = catalog.tables.find(same);
  return { id: objectId.table(q), keyword: table?.foreign ? "FOREIGN TABLE" : "TABLE" };
}
