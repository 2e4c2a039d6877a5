import { rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

export default defineRule({
  id: "renaming-column",
  severity: "warning",
  docs: {
    summary: "`ALTER TABLE … RENAME COLUMN` on a table that already exists.",
    why: "The rename is instant, but every running version of the application that names the old column fails from the moment it commits, until the new code is deployed (and the old code fails again on a rollback).",
    fix: "Expand and contract: add the new column, write both, backfill, move the readers, then drop the old column in a later migration; or keep the database name and alias it in the application.",
    squawk: "renaming-column",
  },
  statement: ({ kind, node }, state) => {
    if (kind !== "RenameStmt" || node.renameType !== "OBJECT_COLUMN" || node.relationType !== "OBJECT_TABLE") return [];
    const table = rangeVarName(node.relation as Node);
    if (state.createdTables.has(table)) return [];
    return [{ message: `renaming column ${node.subname as string} of ${table} to ${node.newname as string} breaks code that still uses the old name`, object: `${table}.${node.subname as string}` }];
  },
});
