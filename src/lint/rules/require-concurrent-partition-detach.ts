import { alterCommands, rangeVarName } from "../ast.js";
import { qualified } from "../../sql/ident.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

export default defineRule({
  id: "require-concurrent-partition-detach",
  severity: "warning",
  docs: {
    summary: "`ALTER TABLE … DETACH PARTITION` without `CONCURRENTLY` (PostgreSQL 14 and later), on a partitioned table that already exists.",
    why: "A plain DETACH PARTITION takes an ACCESS EXCLUSIVE lock on the partitioned table: every read and write of every partition waits. From PostgreSQL 14, `DETACH PARTITION … CONCURRENTLY` takes only SHARE UPDATE EXCLUSIVE on the parent.",
    fix: "`ALTER TABLE parent DETACH PARTITION part CONCURRENTLY`, outside a transaction block; it is refused while the table has a DEFAULT partition. If it is interrupted, finish with `… DETACH PARTITION part FINALIZE`.",
    squawk: "require-concurrent-partition-detach",
  },
  statement: ({ kind, node }, state, context) => {
    if (kind !== "AlterTableStmt" || context.pgVersion < 140000) return [];
    const rv = node.relation as Node;
    const table = rangeVarName(rv);
    if (state.createdTables.has(table)) return [];
    const detaches = alterCommands(node).filter((c) => c.subtype === "AT_DetachPartition" && !((c.def as Node).PartitionCmd as Node).concurrent);
    // CONCURRENTLY cannot be combined with other subcommands: rewrite only a lone DETACH.
    const alone = alterCommands(node).length === 1 && !state.inTransaction;
    return detaches.map((c) => {
      const part = ((c.def as Node).PartitionCmd as Node).name as Node;
      const partName = rangeVarName(part);
      return {
        message: `detaching ${partName} from ${table} takes an ACCESS EXCLUSIVE lock on ${table}`,
        object: table,
        at: part.location as number,
        ...(alone
          ? { fix: { title: "detach concurrently", sql: `ALTER TABLE ${qualified((rv.schemaname as string | undefined) ?? "public", rv.relname as string)} DETACH PARTITION ${qualified((part.schemaname as string | undefined) ?? "public", part.relname as string)} CONCURRENTLY;` } }
          : {}),
      };
    });
  },
});
