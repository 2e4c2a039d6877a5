import { rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

export default defineRule({
  id: "ban-truncate",
  severity: "warning",
  docs: {
    summary: "`TRUNCATE` of a table that this migration did not create.",
    why: "Every row is gone at commit, with no WHERE to limit it and no row-level triggers to record it; and TRUNCATE holds an ACCESS EXCLUSIVE lock, so reads and writes of the table wait for it (and for whatever the transaction does afterwards).",
    fix: "Archive the rows first, and delete them in batches (`DELETE … WHERE id IN (SELECT … LIMIT 10000)`), or keep the table and drop it in a later, reviewed migration.",
  },
  statement: ({ kind, node }, state) => {
    if (kind !== "TruncateStmt") return [];
    return ((node.relations ?? []) as Node[])
      .map((r) => r.RangeVar as Node)
      .filter((rv) => !state.createdTables.has(rangeVarName(rv)))
      .map((rv) => ({ message: `TRUNCATE empties ${rangeVarName(rv)}: every row is lost`, object: rangeVarName(rv), at: rv.location as number }));
  },
});
