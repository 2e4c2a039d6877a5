import { alterCommands, rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

export default defineRule({
  id: "replica-identity-change",
  severity: "warning",
  docs: {
    summary: "`ALTER TABLE … REPLICA IDENTITY FULL` or `REPLICA IDENTITY NOTHING`.",
    why: "NOTHING makes every UPDATE and DELETE on the table fail once it is in a publication that publishes them (logical replication, CDC tools). FULL writes the whole old row to the WAL on every UPDATE and DELETE, and subscribers find rows without a key: WAL volume grows and replication slows down.",
    fix: "Keep `REPLICA IDENTITY DEFAULT` (the primary key), or use `REPLICA IDENTITY USING INDEX` with a unique index on NOT NULL columns.",
  },
  statement: ({ kind, node }) => {
    if (kind !== "AlterTableStmt") return [];
    const table = rangeVarName(node.relation as Node);
    return alterCommands(node).flatMap((c) => {
      const type = ((c.def as Node | undefined)?.ReplicaIdentityStmt as Node | undefined)?.identity_type;
      if (c.subtype !== "AT_ReplicaIdentity") return [];
      if (type === "n") return [{ message: `REPLICA IDENTITY NOTHING on ${table}: UPDATE and DELETE fail once the table is published`, object: table }];
      if (type === "f") return [{ message: `REPLICA IDENTITY FULL on ${table}: every UPDATE and DELETE logs the whole old row`, object: table }];
      return [];
    });
  },
});
