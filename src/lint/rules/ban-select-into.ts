import { rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

export default defineRule({
  id: "ban-select-into",
  severity: "info",
  docs: {
    summary: "`SELECT … INTO new_table` (creating a table).",
    why: "In SQL it creates a table, while in PL/pgSQL the same words assign to variables: the statement reads as the wrong one. `CREATE TABLE … AS` says what it does, and also takes `IF NOT EXISTS` and `WITH NO DATA`.",
    fix: "`CREATE TABLE new_table AS SELECT …`.",
  },
  statement: ({ kind, node }) => {
    const into = node.intoClause as Node | undefined;
    if (kind !== "SelectStmt" || !into) return [];
    const rel = into.rel as Node;
    return [{ message: `SELECT … INTO ${rangeVarName(rel)} creates a table: write CREATE TABLE … AS`, object: rangeVarName(rel), at: rel.location as number }];
  },
});
