import { rangeVarName } from "../ast.js";
import { blocksWrites, statementLocks } from "../locks.js";
import { defineRule } from "../rule.js";
import { earlierStatements } from "../rules-support/earlier-statements.js";
import type { Node, Statement } from "../statements.js";

const history = earlierStatements();

/** Tables an open transaction (the statements since the last BEGIN, when one is open) holds a write-blocking lock on. */
function heldLocks(earlier: readonly Statement[], createdTables: ReadonlySet<string>): string[] {
  let begin = -1;
  for (const s of earlier) {
    if (s.kind !== "TransactionStmt") continue;
    const k = s.node.kind as string;
    if (k === "TRANS_STMT_BEGIN" || k === "TRANS_STMT_START") begin = s.index;
    if (k === "TRANS_STMT_COMMIT" || k === "TRANS_STMT_ROLLBACK") begin = -1;
  }
  if (begin < 0) return [];
  const tables = earlier.filter((s) => s.index > begin).flatMap((s) => statementLocks(s).filter((l) => blocksWrites(l.mode) && !l.table.endsWith("?") && !createdTables.has(l.table)).map((l) => l.table));
  return [...new Set(tables)];
}

export default defineRule({
  id: "ban-unbatched-dml-in-migration",
  severity: "warning",
  docs: {
    summary: "`UPDATE` or `DELETE` without `WHERE` on a table that this migration did not create (every row in one statement).",
    why: "One statement that touches every row locks all of them until it commits, writes a new version of each (WAL volume, replication lag, bloat) and can run for a long time; inside a transaction that already took a DDL lock, that lock (blocking reads or writes of the table) is held for the whole run.",
    fix: "Backfill in batches of a few thousand rows (`UPDATE … WHERE id IN (SELECT id … LIMIT 5000)`, repeated), each committed, outside the transaction that changes the schema.",
  },
  statement: (statement, state) => {
    const earlier = history(statement);
    const { kind, node } = statement;
    if ((kind !== "UpdateStmt" && kind !== "DeleteStmt") || node.whereClause) return [];
    const table = rangeVarName(node.relation as Node);
    if (state.createdTables.has(table)) return [];
    const verb = kind === "UpdateStmt" ? "UPDATE" : "DELETE";
    const held = state.inTransaction ? heldLocks(earlier, state.createdTables) : [];
    return [
      {
        message: `${verb} of every row of ${table} in one statement${held.length ? `, while this transaction holds the DDL lock on ${held.join(", ")}` : ""}`,
        object: table,
      },
    ];
  },
});
