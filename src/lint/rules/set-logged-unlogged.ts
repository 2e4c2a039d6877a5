import { alterCommands, rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

export default defineRule({
  id: "set-logged-unlogged",
  severity: "warning",
  docs: {
    summary: "`ALTER TABLE … SET LOGGED` / `SET UNLOGGED` on a table that this migration did not create.",
    why: "Both rewrite the table and its indexes under an ACCESS EXCLUSIVE lock (SET LOGGED also writes it all to the WAL): reads and writes wait for the copy. An UNLOGGED table is then emptied after a crash and is not replicated to standbys.",
    fix: "Create the table with the persistence it needs from the start; to change it on a large table, plan a maintenance window (or build a new table, copy, and swap).",
  },
  statement: ({ kind, node }, state) => {
    if (kind !== "AlterTableStmt") return [];
    const table = rangeVarName(node.relation as Node);
    if (state.createdTables.has(table)) return [];
    return alterCommands(node)
      .filter((c) => c.subtype === "AT_SetLogged" || c.subtype === "AT_SetUnLogged")
      .map((c) => ({
        message:
          c.subtype === "AT_SetLogged"
            ? `SET LOGGED rewrites ${table} (through the WAL) under an ACCESS EXCLUSIVE lock`
            : `SET UNLOGGED rewrites ${table} under an ACCESS EXCLUSIVE lock, and its rows are then lost on a crash and not replicated`,
        object: table,
      }));
  },
});
