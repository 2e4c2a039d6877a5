import type { Row } from "../../db/queryable.js";
import { loadParser } from "../../sql/parser.js";
import type { RelationColumn } from "../model.js";
import { normalizeExpression } from "../normalize-expression.js";
import { mayHaveSetOperation, stripSetOperationAliases } from "../normalize-query.js";
import { objectId } from "../object-id.js";
import { columnAclFrom } from "./acl.js";
import { CATALOG } from "./catalog-objects.js";
import { type ReadContext, defined, textOf } from "./context.js";

/** Columns of the views (`v`) or materialized views (`m`), keyed by `schema\0name`, each list by position. */
export async function readViewColumns(ctx: ReadContext, relationKind: "v" | "m"): Promise<Map<string, RelationColumn[]>> {
  const byRelation = new Map<string, RelationColumn[]>();
  for (const r of await viewColumnRows(ctx)) {
    if (r.relation_kind !== relationKind) continue;
    const key = `${String(r.schema)}\u0000${String(r.relation_name)}`;
    const list = byRelation.get(key) ?? [];
    const name = String(r.name);
    const id = objectId.column({ schema: String(r.schema), name: String(r.relation_name) }, name);
    ctx.register(CATALOG.class, r.relation_oid, id, r.attnum);
    if (r.default_oid != null) ctx.register(CATALOG.attrdef, r.default_oid, id);
    list.push(
      defined<RelationColumn>({
        name,
        type: String(r.type),
        default: r.default_expression == null ? undefined : normalizeExpression(String(r.default_expression)),
        comment: textOf(r.comment),
        acl: columnAclFrom(r.acl, String(r.owner)),
      }),
    );
    byRelation.set(key, list);
  }
  return byRelation;
}

/** Views and materialized views share one query: the rows are fetched once per reading. */
const rowsByContext = new WeakMap<ReadContext, Promise<Row[]>>();

function viewColumnRows(ctx: ReadContext): Promise<Row[]> {
  let rows = rowsByContext.get(ctx);
  if (rows === undefined) rowsByContext.set(ctx, (rows = ctx.rows("view-columns")));
  return rows;
}

/**
 * `pg_get_viewdef` text without the surrounding blank space and the final semicolon, in the form PostgreSQL prints
 * after reloading it (`normalize-expression.ts`, `normalize-query.ts`).
 */
export async function viewQueries(definitions: readonly unknown[]): Promise<string[]> {
  const texts = definitions.map((d) => normalizeExpression(String(d).trim().replace(/;$/, "")));
  const parser = texts.some(mayHaveSetOperation) ? await loadParser() : undefined;
  return parser ? texts.map((t) => (mayHaveSetOperation(t) ? stripSetOperationAliases(t, parser) : t)) : texts;
}
