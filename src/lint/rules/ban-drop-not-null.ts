import { alterCommands, rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

export default defineRule({
  id: "ban-drop-not-null",
  severity: "warning",
  docs: {
    summary: "`ALTER TABLE … ALTER COLUMN … DROP NOT NULL` on an existing table.",
    why: "Code that reads the column assumes it is never NULL; once NULLs arrive (from new code, or from old code writing through defaults) the readers break, and putting NOT NULL back needs a full scan.",
    fix: "Keep the column NOT NULL with a sentinel or default value, or introduce a new nullable column and move readers to it first.",
    squawk: "ban-drop-not-null",
  },
  statement: ({ kind, node }, state) => {
    if (kind !== "AlterTableStmt") return [];
    const table = rangeVarName(node.relation as Node);
    if (state.createdTables.has(table)) return [];
    return alterCommands(node)
      .filter((c) => c.subtype === "AT_DropNotNull")
      .map((c) => ({ message: `dropping NOT NULL from ${table}.${c.name as string} lets NULLs reach code that does not expect them`, object: `${table}.${c.name as string}` }));
  },
});
