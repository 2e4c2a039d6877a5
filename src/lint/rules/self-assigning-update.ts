import { names, rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

export default defineRule({
  id: "self-assigning-update",
  severity: "info",
  docs: {
    summary: "`UPDATE … SET c = c`: a column assigned its own value.",
    why: "The assignment changes nothing, but an UPDATE whose only assignments are such writes a new version of every row it touches anyway: WAL, bloat, index updates and fired triggers for nothing. Among other assignments it is noise that hides what the statement really changes (often a typo for another column).",
    fix: "Drop the assignment (and the UPDATE when nothing is left).",
  },
  statement: ({ kind, node }) => {
    if (kind !== "UpdateStmt") return [];
    const rel = node.relation as Node;
    const qualifiers = new Set([rel.relname as string, ((rel.alias as Node | undefined)?.aliasname as string | undefined) ?? rel.relname as string]);
    if (rel.schemaname) qualifiers.add(`${rel.schemaname as string}.${rel.relname as string}`);
    const table = rangeVarName(rel);
    return ((node.targetList ?? []) as Node[]).flatMap((t) => {
      const target = t.ResTarget as Node | undefined;
      if (!target || target.indirection) return [];
      // `SET (a, b) = (a, b)`: each target is a MultiAssignRef to its place in the row.
      const multi = (target.val as Node | undefined)?.MultiAssignRef as Node | undefined;
      const source = multi ? ((((multi.source as Node).RowExpr as Node | undefined)?.args ?? []) as Node[])[(multi.colno as number) - 1] : (target.val as Node | undefined);
      const ref = source?.ColumnRef as Node | undefined;
      if (!ref) return [];
      const fields = names(ref.fields);
      if (fields.length !== ((ref.fields ?? []) as Node[]).length) return [];
      const column = fields.at(-1);
      const qualifier = fields.slice(0, -1).join(".");
      if (column !== target.name || (qualifier !== "" && !qualifiers.has(qualifier))) return [];
      return [{ message: `${table}.${column} is assigned its own value`, object: `${table}.${column}`, at: target.location as number }];
    });
  },
});
