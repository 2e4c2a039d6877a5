import { rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

export default defineRule({
  id: "ban-truncate-cascade",
  severity: "error",
  docs: {
    summary: "`TRUNCATE … CASCADE`.",
    why: "CASCADE also empties every table that has a foreign key to the truncated ones, and the tables referencing those, recursively: tables the statement does not name lose all their rows, under ACCESS EXCLUSIVE locks.",
    fix: "Name every table to empty in the TRUNCATE (it fails, rather than widening, when a referencing table is missing).",
    squawk: "ban-truncate-cascade",
  },
  statement: ({ kind, node }) => {
    if (kind !== "TruncateStmt" || node.behavior !== "DROP_CASCADE") return [];
    const tables = ((node.relations ?? []) as Node[]).map((r) => rangeVarName(r.RangeVar as Node));
    return [{ message: `TRUNCATE ${tables.join(", ")} CASCADE also empties every table that references them`, object: tables[0] ?? "" }];
  },
});
