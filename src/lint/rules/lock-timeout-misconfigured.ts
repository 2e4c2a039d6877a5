import { blocksWrites, statementLocks } from "../locks.js";
import { defineRule, type RuleContext } from "../rule.js";
import { earlierStatements } from "../rules-support/earlier-statements.js";
import { timeoutMs } from "../rules-support/lock-timeout-value.js";

const history = earlierStatements();

/** The longest lock_timeout accepted, in milliseconds (option `max`, default 10 s). */
const limit = (context: RuleContext): number => (typeof context.options.max === "number" && context.options.max > 0 ? context.options.max : 10_000);

export default defineRule({
  id: "lock-timeout-misconfigured",
  severity: "warning",
  docs: {
    summary: "`SET lock_timeout` that gives no protection: 0 (no timeout), longer than 10 s (option `max`, in milliseconds), `SET LOCAL` outside a transaction block (no effect), or set only after a statement that already took a lock blocking writes on an existing table.",
    why: "lock_timeout is what keeps a migration's lock request from stalling the application: while the DDL waits behind a long query, every query on the table queues behind the DDL. 0 turns the timeout off; a long one lets the queue build for that long; `SET LOCAL` outside BEGIN … COMMIT lasts only for its own (empty) transaction, so PostgreSQL ignores it with a warning; and set after the first locking statement, it does not cover that one.",
    fix: "`SET lock_timeout = '5s';` (a few seconds) as the first statement of the migration (`SET LOCAL` only inside the transaction block), and retry the migration when it times out.",
  },
  statement: (statement, state, context) => {
    const earlier = history(statement);
    const { kind, node } = statement;
    if (kind !== "VariableSetStmt" || node.name !== "lock_timeout" || node.kind !== "VAR_SET_VALUE") return [];
    const ms = timeoutMs(node);
    const at = node.location as number;
    // A SET LOCAL fix would only lint clean inside its transaction block: those get the advice without a rewrite.
    const fix = node.is_local ? {} : { fix: { title: "a short timeout", sql: "SET lock_timeout = '5s';" } };
    if (ms === 0) return [{ message: "lock_timeout = 0 turns the lock timeout off", at, ...fix }];
    if (ms !== undefined && ms > limit(context)) {
      return [{ message: `lock_timeout of ${ms / 1000} s lets the queue behind a waiting lock build for that long (at most ${limit(context) / 1000} s)`, at, ...fix }];
    }
    if (node.is_local && !state.inTransaction) {
      return [{ message: "SET LOCAL lock_timeout outside a transaction block has no effect", at, fix: { title: "set it for the session", sql: `SET lock_timeout = '${ms !== undefined ? `${ms}ms` : "5s"}';` } }];
    }
    if (earlier.some((s) => s.kind === "VariableSetStmt" && s.node.name === "lock_timeout")) return [];
    const risky = earlier.find((s) => statementLocks(s).some((l) => blocksWrites(l.mode) && !l.table.endsWith("?") && !state.createdTables.has(l.table)));
    if (!risky) return [];
    return [{ message: `lock_timeout is set after statement ${risky.index + 1} (${risky.text.length > 40 ? `${risky.text.slice(0, 40)}…` : risky.text}) already waited for its lock without one`, at }];
  },
});
