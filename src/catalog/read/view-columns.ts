import type { RelationColumn } from "../model.js";
import { normalizeExpression } from "../normalize-expression.js";
import { columnAclFrom } from "./acl.js";
import { type ReadContext, defined, textOf } from "./context.js";

/** Columns of the views (`v`) or materialized views (`m`), keyed by `schema\0name`, each list by position. */
export async function readViewColumns(ctx: ReadContext, relationKind: "v" | "m"): Promise<Map<string, RelationColumn[]>> {
  const byRelation = new Map<string, RelationColumn[]>();
  for (const r of await ctx.rows("view-columns")) {
    if (r.relation_kind !== relationKind) continue;
    const key = `${String(r.schema)}\u0000${String(r.relation_name)}`;
    const list = byRelation.get(key) ?? [];
    list.push(
      defined<RelationColumn>({
        name: String(r.name),
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

/** `pg_get_viewdef` text without the surrounding blank space and the final semicolon. */
export function viewQuery(definition: unknown): string {
  return normalizeExpression(String(definition).trim().replace(/;$/, ""));
}
