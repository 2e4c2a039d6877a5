import { statementLocks } from "../locks.js";
import { defineRule } from "../rule.js";
import { earlierStatements } from "../rules-support/earlier-statements.js";
import type { Statement } from "../statements.js";

const history = earlierStatements();

/** The statements of the transaction block open after `earlier` (since its BEGIN); empty when none is open. */
function openTransaction(earlier: readonly Statement[]): readonly Statement[] {
  let begin = -1;
  earlier.forEach((s, i) => {
    if (s.kind !== "TransactionStmt") return;
    const k = s.node.kind as string;
    if (k === "TRANS_STMT_BEGIN" || k === "TRANS_STMT_START") begin = i;
    if (k === "TRANS_STMT_COMMIT" || k === "TRANS_STMT_ROLLBACK") begin = -1;
  });
  return begin < 0 ? [] : earlier.slice(begin + 1);
}

/** Statements that add no time to the lock window. */
const INSTANT: ReadonlySet<string> = new Set(["TransactionStmt", "VariableSetStmt", "VariableShowStmt"]);

export default defineRule({
  id: "statement-after-access-exclusive",
  severity: "warning",
  docs: {
    summary: "A statement that runs, in the same transaction block, after one that took an ACCESS EXCLUSIVE lock on a table this migration did not create (reported once per transaction, at the first such statement).",
    why: "Locks are held until the transaction ends. Once a statement takes ACCESS EXCLUSIVE on a table, every read and write of it waits, and keeps waiting through every statement that follows in the transaction: a brief ALTER becomes an outage as long as the rest of the migration.",
    fix: "COMMIT right after the statement that takes the ACCESS EXCLUSIVE lock (or make it the transaction's last statement), and run the rest in a new transaction.",
  },
  statement: (statement, state) => {
    const earlier = history(statement);
    if (!state.inTransaction || INSTANT.has(statement.kind)) return [];
    const open = openTransaction(earlier);
    const held = (s: Statement): string[] => statementLocks(s).filter((l) => l.mode === "ACCESS EXCLUSIVE" && !l.table.endsWith("?") && !state.createdTables.has(l.table)).map((l) => l.table);
    const first = open.findIndex((s) => held(s).length > 0);
    if (first < 0) return [];
    // Reported once: at the first statement after the lock that does any work.
    if (open.slice(first + 1).some((s) => !INSTANT.has(s.kind))) return [];
    const tables = [...new Set(open.slice(first).flatMap(held))];
    return [{ message: `this statement runs while the transaction holds ACCESS EXCLUSIVE on ${tables.join(", ")}: reads and writes wait for it too`, object: tables[0] }];
  },
});
