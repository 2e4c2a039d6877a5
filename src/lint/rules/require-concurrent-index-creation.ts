import { rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

export default defineRule({
  id: "require-concurrent-index-creation",
  severity: "warning",
  docs: {
    summary: "`CREATE INDEX` without `CONCURRENTLY` on a table that already exists.",
    why: "A plain CREATE INDEX holds a SHARE lock for the whole build: every INSERT, UPDATE and DELETE on the table waits until it ends.",
    fix: "`CREATE INDEX CONCURRENTLY`, in its own statement outside a transaction (a failed build leaves an INVALID index to drop).",
    squawk: "require-concurrent-index-creation",
  },
  statement: ({ kind, node, text }, state) => {
    if (kind !== "IndexStmt" || node.concurrent) return [];
    const table = rangeVarName(node.relation as Node);
    if (state.createdTables.has(table)) return [];
    return [
      {
        message: `CREATE INDEX on ${table} blocks writes for the whole build`,
        object: table,
        fix: { title: "build it concurrently", sql: text.replace(/^(CREATE\s+(?:UNIQUE\s+)?INDEX)\b/i, "$1 CONCURRENTLY") },
      },
    ];
  },
});
