import { introspect } from "../../src/catalog/introspect.js";
import type { Catalog } from "../../src/catalog/model.js";
import type { Database } from "../../src/db/queryable.js";
import type { PlanOptions } from "../../src/plan/options.js";
import { planMigration } from "../../src/plan/plan.js";
import { isEmptyPlan, type Plan } from "../../src/plan/plan-types.js";
import type { Step } from "../../src/plan/step.js";
import { type ApplyFailure, applyDown, applyUpVerified } from "./plan-apply.js";
import { errorText } from "../../src/plan/error-text.js";
import { catalogDifferences } from "./plan-catalog-diff.js";
import { readTableData, rowDifferences, tablesTouchedByLoss, trackedTables } from "./plan-rows.js";

/**
 * The proof a plan must pass, as the issue states it: on a database holding `from` with its rows, UP applies
 * without error with every step's verification query true right after it, the catalog then equals `to`, kept rows
 * are intact, re-planning gives nothing; DOWN (when every step can be undone) brings back `from` with the rows of every table no lossy step
 * touched. Every failed check becomes a problem with a category, so one run shows everything that is wrong.
 */
export type ProblemCategory =
  | "fixture"
  | "plan-error"
  | "hazards"
  | "reversal"
  | "snapshot"
  | "apply-up"
  | "converge-up"
  | "rows-up"
  | "replan"
  | "verify"
  | "apply-down"
  | "converge-down"
  | "rows-down";

export interface Problem {
  readonly category: ProblemCategory;
  readonly message: string;
}

export const formatProblems = (problems: readonly Problem[]): string =>
  problems.map((p) => `[${p.category}] ${p.message}`).join("\n\n");

/** planMigration, with a throw turned into a problem. */
export function tryPlan(from: Catalog, to: Catalog, options: PlanOptions, problems: Problem[]): Plan | undefined {
  try {
    return planMigration(from, to, options);
  } catch (e) {
    problems.push({ category: "plan-error", message: `planMigration threw: ${(e as Error).stack ?? String(e)}` });
    return undefined;
  }
}

const indent = (text: string, by = "    "): string => text.replace(/^/gm, by);

function describeStep(step: Step, index: number): string {
  return `step #${index} (${step.why})`;
}

export function describeFailure(f: ApplyFailure, direction: string): string {
  return `${direction} failed at ${describeStep(f.step, f.index)}\n  statement:\n${indent(f.statement || "(none)")}\n  PostgreSQL:\n${indent(errorText(f.error))}`;
}

function planSummary(plan: Plan, limit = 6): string {
  const steps = plan.steps.filter((s) => s.sql.length > 0);
  const lines = steps.slice(0, limit).map((s, i) => `  #${i} ${s.why}: ${s.sql.join(" ").slice(0, 200)}`);
  if (steps.length > limit) lines.push(`  … ${steps.length - limit} more`);
  return lines.join("\n");
}

export interface ConvergenceInput {
  /** Holds `from` (with its rows); left in whatever state the checks end in. */
  readonly db: Database;
  readonly from: Catalog;
  readonly to: Catalog;
  readonly plan: Plan;
  readonly options: PlanOptions;
  /** What the plan's direction is called in messages, e.g. `UP` (from.sql → to.sql) or `reverse` (to → from). */
  readonly label: string;
}

export async function checkConvergence(input: ConvergenceInput): Promise<Problem[]> {
  const { db, from, to, plan, options, label } = input;
  const problems: Problem[] = [];
  const tracked = trackedTables(from, to, options.renames ?? []);
  const before = await readTableData(db, tracked, "before");

  const up = await applyUpVerified(db, plan);
  for (const f of up.unverified) {
    problems.push({ category: "verify", message: `${label}: ${describeStep(f.step, f.index)}: ${f.error.message}\n${indent(f.statement)}` });
  }
  if (up.failed) {
    problems.push({ category: "apply-up", message: describeFailure(up.failed, `${label}: UP`) });
    return problems;
  }
  const after = await introspect(db);
  const diffs = catalogDifferences(after, to);
  if (diffs.length > 0) {
    const planned = plan.steps.length === 0 ? " (the plan has no steps)" : "";
    problems.push({
      category: "converge-up",
      message: `${label}: after UP the catalog differs from the target${planned}:\n${diffs.map((d) => `  ${d}`).join("\n")}`,
    });
  }
  const rows = rowDifferences(before, await readTableData(db, tracked, "after"), tracked, tablesTouchedByLoss(plan, false));
  if (rows.length > 0) problems.push({ category: "rows-up", message: `${label}: rows changed by UP without a data-loss hazard:\n${rows.map((r) => `  ${r}`).join("\n")}` });

  const { renames: _renames, ...sameOptions } = options;
  const replan = tryPlan(after, to, sameOptions, problems);
  if (replan && !isEmptyPlan(replan)) {
    problems.push({ category: "replan", message: `${label}: re-planning after UP is not empty:\n${planSummary(replan)}` });
  }

  if (plan.steps.some((s) => s.reverse.class === "irreversible")) return problems;
  const down = await applyDown(db, plan);
  if (down.failed) {
    problems.push({ category: "apply-down", message: describeFailure(down.failed, `${label}: DOWN`) });
    return problems;
  }
  const restored = await introspect(db);
  const back = catalogDifferences(restored, from);
  if (back.length > 0) {
    problems.push({ category: "converge-down", message: `${label}: after UP then DOWN the catalog differs from the source:\n${back.map((d) => `  ${d}`).join("\n")}` });
  }
  const kept = rowDifferences(before, await readTableData(db, tracked, "before"), tracked, tablesTouchedByLoss(plan, true));
  if (kept.length > 0) problems.push({ category: "rows-down", message: `${label}: rows changed by UP then DOWN, in tables no lossy step touches:\n${kept.map((r) => `  ${r}`).join("\n")}` });
  return problems;
}
