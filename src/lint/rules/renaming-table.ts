import { rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

export default defineRule({
  id: "renaming-table",
  severity: "warning",
  docs: {
    summary: "`ALTER TABLE … RENAME TO` on a table that already exists.",
    why: "The rename is instant, but every running version of the application that names the old table fails from the moment it commits, until the new code is deployed.",
    fix: "Rename, then create a view with the old name (`CREATE VIEW old AS SELECT * FROM new`; simple views are updatable) until no code uses it; or keep the name and alias it in the application.",
    squawk: "renaming-table",
  },
  statement: ({ kind, node }, state) => {
    if (kind !== "RenameStmt" || node.renameType !== "OBJECT_TABLE") return [];
    const table = rangeVarName(node.relation as Node);
    if (state.createdTables.has(table)) return [];
    return [{ message: `renaming ${table} to ${node.newname as string} breaks code that still uses the old name`, object: table }];
  },
});
