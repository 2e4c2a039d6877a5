import { defineRule } from "../rule.js";

export default defineRule({
  id: "ban-uncommitted-transaction",
  severity: "error",
  docs: {
    summary: "A migration file that opens a transaction (`BEGIN`) and ends without `COMMIT` or `ROLLBACK`.",
    why: "Run with psql, the open transaction is rolled back when the session ends: the migration silently does nothing. Run by a tool that keeps the session, it holds every lock it took until someone notices.",
    fix: "End the file with `COMMIT;`.",
    squawk: "ban-uncommitted-transaction",
  },
  end: (state) => (state.inTransaction ? [{ message: "the file ends inside a transaction: BEGIN without COMMIT", fix: { title: "commit at the end", sql: "COMMIT;" } }] : []),
});
