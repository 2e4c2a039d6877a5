import { defineRule } from "../rule.js";

export default defineRule({
  id: "ban-drop-tablespace",
  severity: "warning",
  docs: {
    summary: "`DROP TABLESPACE`.",
    why: "A tablespace belongs to the server, not to one database's schema: it is shared by every database of the cluster, it names a directory on the host, and dropping it cannot be rolled back (it is refused inside a transaction block). It has no place in a schema migration that runs against every environment.",
    fix: "Drop tablespaces in an operations procedure, per server, once no database uses them.",
  },
  statement: ({ kind, node }) =>
    kind === "DropTableSpaceStmt" ? [{ message: `dropping tablespace ${node.tablespacename as string} is a server-level change, not a migration`, object: node.tablespacename as string }] : [],
});
