import { rangeVarName } from "../ast.js";
import { defineRule, type RuleContext } from "../rule.js";
import type { Node } from "../statements.js";

const limit = (context: RuleContext): number => (typeof context.options.max === "number" && context.options.max > 0 ? context.options.max : 30);

export default defineRule({
  id: "table-too-many-columns",
  severity: "info",
  docs: {
    summary: "A table with more columns than the limit (option `max`, default 30).",
    why: "Very wide tables usually mix several concerns: every row carries every column (wider rows, fewer per page, more I/O and WAL per update, since an update writes the whole row), and the table becomes the place every new attribute lands.",
    fix: "Split it by concern: 1:1 side tables for optional or rarely read groups of columns, child tables for repeated groups. Raise `max` where the width is deliberate.",
  },
  statement: ({ kind, node }, _state, context) => {
    if (kind !== "CreateStmt") return [];
    const count = ((node.tableElts ?? []) as Node[]).filter((e) => e.ColumnDef).length;
    const table = rangeVarName(node.relation as Node);
    return count > limit(context) ? [{ message: `table ${table} has ${count} columns (more than ${limit(context)})`, object: table, at: (node.relation as Node).location as number }] : [];
  },
  schema: (catalog, context) =>
    catalog.tables
      .filter((t) => !t.partitionOf && t.columns.length > limit(context))
      .map((t) => ({ message: `table ${t.schema}.${t.name} has ${t.columns.length} columns (more than ${limit(context)})`, object: `${t.schema}.${t.name}` })),
});
