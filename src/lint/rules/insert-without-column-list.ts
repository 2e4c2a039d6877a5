import { rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

export default defineRule({
  id: "insert-without-column-list",
  severity: "info",
  docs: {
    summary: "`INSERT INTO t VALUES …` or `INSERT INTO t SELECT …` without a column list.",
    why: "The values go to the columns by position: once a column is added, dropped or reordered (a table rebuilt in another order), the statement fails, or, worse, puts values in the wrong columns when the types happen to match.",
    fix: "Name the columns: `INSERT INTO t (a, b) VALUES …`.",
  },
  statement: ({ kind, node }) => {
    if (kind !== "InsertStmt" || !node.selectStmt || ((node.cols ?? []) as Node[]).length > 0) return [];
    const table = rangeVarName(node.relation as Node);
    return [{ message: `INSERT INTO ${table} without a column list fills its columns by position`, object: table, at: (node.relation as Node).location as number }];
  },
});
