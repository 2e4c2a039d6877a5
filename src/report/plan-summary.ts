import type { Plan } from "../plan/plan-types.js";
import type { HazardCode } from "../plan/hazards.js";
import type { Reversal } from "../plan/step.js";

export interface PlanSummary {
  /** Every step, those done by another step included. */
  readonly steps: number;
  /** Steps with SQL of their own. */
  readonly withSql: number;
  /** Hazards by code, codes in first-seen order. */
  readonly hazards: Readonly<Partial<Record<HazardCode, number>>>;
  readonly breaking: number;
  readonly reversal: Readonly<Record<Reversal["class"], number>>;
  readonly outsideTransaction: number;
  readonly dataLoss: boolean;
}

/** The counts every plan report leads with. */
export function summarizePlan(plan: Plan): PlanSummary {
  const hazards: Partial<Record<HazardCode, number>> = {};
  const reversal = { reversible: 0, lossy: 0, irreversible: 0 };
  for (const step of plan.steps) {
    for (const h of step.hazards) hazards[h.code] = (hazards[h.code] ?? 0) + 1;
    if (step.sql.length > 0) reversal[step.reverse.class]++;
  }
  return {
    steps: plan.steps.length,
    withSql: plan.steps.filter((s) => s.sql.length > 0).length,
    hazards,
    breaking: plan.steps.reduce((n, s) => n + s.breaking.length, 0),
    reversal,
    outsideTransaction: plan.steps.filter((s) => s.sql.length > 0 && s.transaction === "none").length,
    dataLoss: plan.steps.some((s) => s.hazards.some((h) => h.code === "data-loss")),
  };
}

/** `data-loss 1, index-build 2`, or `none`. */
export function hazardCounts(summary: PlanSummary): string {
  const entries = Object.entries(summary.hazards);
  return entries.length === 0 ? "none" : entries.map(([code, n]) => `${code} ${n}`).join(", ");
}

/** Text that goes into a one-line comment or table cell: newlines would end it. */
export const oneLine = (text: string): string => text.replace(/\s*[\r\n]+\s*/g, " ");
