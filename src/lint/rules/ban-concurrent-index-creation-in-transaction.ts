import { defineRule } from "../rule.js";

export default defineRule({
  id: "ban-concurrent-index-creation-in-transaction",
  severity: "error",
  docs: {
    summary: "`CREATE INDEX CONCURRENTLY` (or `DROP INDEX CONCURRENTLY`, `REINDEX … CONCURRENTLY`) inside a transaction block.",
    why: "PostgreSQL refuses concurrent index builds inside a transaction block (SQLSTATE 25001): the migration fails at that statement.",
    fix: "Run it outside BEGIN … COMMIT, on its own (most migration tools have a per-file switch to disable the transaction).",
    squawk: "ban-concurrent-index-creation-in-transaction",
  },
  statement: ({ kind, node }, state) => {
    if (!state.inTransaction) return [];
    const concurrent =
      ((kind === "IndexStmt" || kind === "DropStmt") && node.concurrent === true) ||
      (kind === "ReindexStmt" && JSON.stringify(node.params ?? []).includes('"defname":"concurrently"'));
    return concurrent ? [{ message: `${kind === "IndexStmt" ? "CREATE INDEX" : kind === "DropStmt" ? "DROP INDEX" : "REINDEX"} CONCURRENTLY cannot run inside a transaction block` }] : [];
  },
});
