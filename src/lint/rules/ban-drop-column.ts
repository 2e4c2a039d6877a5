import { alterCommands, rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

export default defineRule({
  id: "ban-drop-column",
  severity: "warning",
  docs: {
    summary: "`ALTER TABLE … DROP COLUMN`.",
    why: "The data is gone, and application code still selecting or inserting the column fails as soon as the statement commits, before the new code is deployed.",
    fix: "Stop reading and writing the column in a deploy first; drop it in a later migration, with a backup of what it held if it may be needed.",
    squawk: "ban-drop-column",
  },
  statement: ({ kind, node }) =>
    kind !== "AlterTableStmt"
      ? []
      : alterCommands(node)
          .filter((c) => c.subtype === "AT_DropColumn")
          .map((c) => ({ message: `dropping column ${c.name as string} of ${rangeVarName(node.relation as Node)} loses its data and breaks code that uses it`, object: `${rangeVarName(node.relation as Node)}.${c.name as string}` })),
});
