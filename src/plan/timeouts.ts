import { literal } from "../sql/ident.js";
import type { ResolvedPlanOptions } from "./options.js";
import type { Step } from "./step.js";

/**
 * The settings sent before a step: `lock_timeout` so a step queued behind a long transaction gives up instead of
 * blocking every query behind it, and `statement_timeout` (the long one for steps that scan or rewrite data).
 * `local` lasts until the end of the transaction; `session` is for steps that run outside one.
 */
export function timeoutStatements(step: Step, options: ResolvedPlanOptions, scope: "local" | "session"): string[] {
  const set = scope === "local" ? "SET LOCAL" : "SET";
  const statement = step.long ? options.longStatementTimeout : options.statementTimeout;
  return [`${set} lock_timeout = ${literal(options.lockTimeout)};`, `${set} statement_timeout = ${literal(statement)};`];
}
