import { alterCommands, findNodes, rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

/** Whether the expression names `column` (as `column`, `t.column`, or a whole-row `t.*`). */
function references(expr: unknown, column: string): boolean {
  return findNodes(expr, "ColumnRef").some((ref) => {
    const last = ((ref.fields ?? []) as Node[]).at(-1);
    return last?.A_Star !== undefined || (last?.String as Node | undefined)?.sval === column;
  });
}

export default defineRule({
  id: "type-change-using-ignores-column",
  severity: "warning",
  docs: {
    summary: "`ALTER TABLE … ALTER COLUMN c TYPE … USING <expr>` where the expression does not mention `c`, on a table that already exists.",
    why: "USING computes each row's new value. An expression that ignores the column (a constant, another column, a misspelt or differently-quoted name) replaces what every row held: the old values are gone when the statement commits.",
    fix: "Refer to the column in USING (`USING c::bigint`, `USING CASE c WHEN … END`); to set every row to one value, add a new column and drop the old one explicitly.",
  },
  statement: ({ kind, node }, state) => {
    if (kind !== "AlterTableStmt") return [];
    const table = rangeVarName(node.relation as Node);
    if (state.createdTables.has(table)) return [];
    return alterCommands(node).flatMap((c) => {
      const using = ((c.def as Node | undefined)?.ColumnDef as Node | undefined)?.raw_default;
      if (c.subtype !== "AT_AlterColumnType" || using === undefined || references(using, c.name as string)) return [];
      return [{ message: `USING for ${c.name as string} of ${table} does not read ${c.name as string}: every row's value is replaced`, object: `${table}.${c.name as string}`, at: ((c.def as Node).ColumnDef as Node).location as number }];
    });
  },
});
