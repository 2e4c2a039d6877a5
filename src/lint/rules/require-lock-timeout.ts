import { defineRule } from "../rule.js";
import { blocksWrites, statementLocks } from "../locks.js";

export default defineRule({
  id: "require-lock-timeout",
  severity: "warning",
  docs: {
    summary: "A statement that takes a lock blocking writes (or reads) on an existing table, with no `lock_timeout` set before it.",
    why: "Even a brief ACCESS EXCLUSIVE lock first waits for every running query on the table, and every query that arrives meanwhile queues behind it: one long report stalls the whole application. A lock_timeout makes the migration fail fast instead, to be retried.",
    fix: "`SET lock_timeout = '5s';` at the top of the migration (and retry on SQLSTATE 55P03).",
    squawk: "require-lock-timeout",
  },
  statement: (statement, state) => {
    if (state.lockTimeout) return [];
    const blocking = statementLocks(statement).filter((l) => blocksWrites(l.mode) && !state.createdTables.has(l.table));
    if (blocking.length === 0) return [];
    return [
      {
        message: `${blocking.map((l) => `${l.mode} on ${l.table}`).join(", ")} without a lock_timeout`,
        fix: { title: "set a lock timeout first", sql: `SET lock_timeout = '5s';\n${statement.text}` },
      },
    ];
  },
});
