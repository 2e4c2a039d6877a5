import { rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

/** The `*` and `t.*` items of a query's own select lists (each branch of a UNION …), not of its subqueries. */
function stars(select: Node | undefined): Node[] {
  if (!select) return [];
  if (select.op && select.op !== "SETOP_NONE") return [...stars((select.larg as Node | undefined) ?? undefined), ...stars((select.rarg as Node | undefined) ?? undefined)];
  return ((select.targetList ?? []) as Node[]).flatMap((t) => {
    const val = (t.ResTarget as Node | undefined)?.val as Node | undefined;
    const ref = val?.ColumnRef as Node | undefined;
    if (ref && ((ref.fields ?? []) as Node[]).at(-1)?.A_Star) return [ref];
    const ind = val?.A_Indirection as Node | undefined;
    if (ind && ((ind.indirection ?? []) as Node[]).at(-1)?.A_Star) return [((ind.arg as Node | undefined)?.ColumnRef as Node | undefined) ?? ind];
    return [];
  });
}

export default defineRule({
  id: "view-select-star",
  severity: "info",
  docs: {
    summary: "A view or materialized view whose select list uses `*` or `t.*` (in its own select list, not in subqueries or `count(*)`).",
    why: "PostgreSQL expands the `*` when the view is created and stores that column list: columns added to the table later do not appear, a dropped or retyped column is blocked by the view, and the stored definition no longer says `*`, so the migration and the schema disagree about what was meant.",
    fix: "List the columns the view needs.",
  },
  statement: ({ kind, node }) => {
    const isView = kind === "ViewStmt";
    if (!isView && !(kind === "CreateTableAsStmt" && node.objtype === "OBJECT_MATVIEW")) return [];
    const name = rangeVarName((isView ? node.view : (node.into as Node | undefined)?.rel) as Node);
    const query = ((node.query as Node | undefined)?.SelectStmt as Node | undefined) ?? undefined;
    // `AS TABLE t` is `SELECT * FROM t`; the parser's star has no position (-1): the finding goes on the statement.
    return stars(query).map((s) => ({
      message: `${isView ? "view" : "materialized view"} ${name} selects *: its column list is fixed when it is created`,
      object: name,
      ...(((s.location as number | undefined) ?? -1) >= 0 ? { at: s.location as number } : {}),
    }));
  },
});
