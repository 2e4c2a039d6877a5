import { defineRule } from "../rule.js";

export default defineRule({
  id: "ban-drop-database",
  severity: "error",
  docs: {
    summary: "`DROP DATABASE`.",
    why: "Every table, row and object of the database is gone at once, with no undo but a restore from backup. It has no place in a migration.",
    fix: "Drop databases by hand, as an operations task with a backup, not in a migration file.",
    squawk: "ban-drop-database",
  },
  statement: ({ kind, node }) => (kind === "DropdbStmt" ? [{ message: `DROP DATABASE ${node.dbname as string} destroys the whole database`, object: node.dbname as string }] : []),
});
