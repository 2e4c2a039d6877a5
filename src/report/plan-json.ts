import { canonicalJson } from "../catalog/canonical.js";
import type { Plan } from "../plan/plan-types.js";
import type { ProofReport } from "../plan/prove.js";
import { summarizePlan } from "./plan-summary.js";

/** Bumped when a field changes meaning or goes away (adding one does not). */
export const PLAN_JSON_FORMAT_VERSION = 1;

/**
 * The whole plan as byte-stable JSON: every step with its SQL, transaction mode, locks, hazards, breaking notes,
 * reversal, verification and retry advice; counts; the proof when there was one. `index` is the step's number as
 * the SQL script and the proof name it (1-based).
 */
export function planToJson(plan: Plan, proof?: ProofReport): string {
  const summary = summarizePlan(plan);
  return `${canonicalJson({
    formatVersion: PLAN_JSON_FORMAT_VERSION,
    options: plan.options,
    summary: {
      steps: summary.steps,
      stepsWithSql: summary.withSql,
      outsideTransaction: summary.outsideTransaction,
      hazards: summary.hazards,
      breaking: summary.breaking,
      reversal: summary.reversal,
      dataLoss: summary.dataLoss,
    },
    steps: plan.steps.map((s, i) => ({
      index: i + 1,
      why: s.why,
      change: s.change,
      sql: s.sql,
      transaction: s.transaction,
      locks: s.locks,
      hazards: s.hazards,
      breaking: s.breaking,
      reverse: s.reverse,
      verify: s.verify,
      retry: s.retry,
      long: s.long ?? false,
      impliedBy: s.impliedBy,
    })),
    proof,
  })}\n`;
}
