import { defineRule } from "../rule.js";

export default defineRule({
  id: "transaction-nesting",
  severity: "warning",
  docs: {
    summary: "`BEGIN` inside an open transaction, or `COMMIT` / `ROLLBACK` with no transaction open.",
    why: "PostgreSQL has no nested transactions: a second BEGIN only warns, and the first COMMIT then ends the outer transaction, so the statements after it run outside the transaction the file meant to have (a failure no longer rolls them back). A COMMIT with nothing open usually means the migration tool wraps the file in a transaction of its own, which this COMMIT ends early.",
    fix: "Remove the extra BEGIN or COMMIT; use SAVEPOINT for a nested unit of work. If the migration tool wraps each file in a transaction, leave BEGIN/COMMIT out of the file (or turn the tool's wrapping off for it).",
    squawk: "transaction-nesting",
  },
  statement: ({ kind, node }, state) => {
    if (kind !== "TransactionStmt") return [];
    const k = node.kind as string;
    if ((k === "TRANS_STMT_BEGIN" || k === "TRANS_STMT_START") && state.inTransaction) return [{ message: "BEGIN inside a transaction that is already open: it does not nest" }];
    if ((k === "TRANS_STMT_COMMIT" || k === "TRANS_STMT_ROLLBACK") && !state.inTransaction) return [{ message: `${k === "TRANS_STMT_COMMIT" ? "COMMIT" : "ROLLBACK"} with no transaction open in this file` }];
    return [];
  },
});
