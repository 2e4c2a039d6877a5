import { downItems, groupSteps, type StepGroup, upItems } from "../plan/groups.js";
import type { Plan } from "../plan/plan-types.js";
import type { Step } from "../plan/step.js";
import { timeoutStatements } from "../plan/timeouts.js";
import { hazardCounts, oneLine, summarizePlan } from "./plan-summary.js";

/**
 * The plan as one script `psql -v ON_ERROR_STOP=1 -f` runs as is: transactions written out (`BEGIN;` … `COMMIT;`),
 * steps that cannot run in a transaction between them, every step preceded by its timeouts and by comments saying
 * why it is there and what can go wrong. `down` writes the reversals, last step first.
 */
export function planToSql(plan: Plan, direction: "up" | "down" = "up"): string {
  if (plan.steps.every((s) => s.sql.length === 0)) return "-- pg-schema plan: no changes\n";
  const items = direction === "up" ? upItems(plan) : downItems(plan);
  // The step number a reader knows from the UP script, in both directions.
  const number = (index: number): number => (direction === "up" ? index + 1 : plan.steps.length - index);
  const groups = groupSteps(items);
  const blocks = groups.map((g) => groupSql(g, plan, direction, number));
  const body = blocks.length === 0 ? ["-- nothing to run: no step can be undone"] : blocks;
  return `${[header(plan, direction), ...body].join("\n\n")}\n`;
}

function header(plan: Plan, direction: "up" | "down"): string {
  const summary = summarizePlan(plan);
  const lines =
    direction === "up"
      ? [`-- pg-schema plan: ${summary.withSql} steps`, `-- hazards: ${hazardCounts(summary)}`]
      : [`-- pg-schema plan: DOWN of ${summary.withSql} steps, last step first`];
  if (summary.outsideTransaction > 0) {
    lines.push(`-- ${summary.outsideTransaction} step(s) run outside a transaction: run the file as is (psql -v ON_ERROR_STOP=1 -f), not wrapped in BEGIN`);
  }
  const implied = plan.steps.flatMap((s, i) => (s.sql.length === 0 ? [`step ${i + 1} (${oneLine(s.why)})`] : []));
  if (implied.length > 0) lines.push(`-- without SQL of their own (done by another step): ${implied.join(", ")}`);
  if (direction === "down") {
    plan.steps.forEach((s, i) => {
      if (s.sql.length === 0) return;
      if (s.reverse.class === "lossy") lines.push(`-- lossy: undoing step ${i + 1} does not bring back ${oneLine(s.reverse.lost)}`);
      if (s.reverse.class === "irreversible") lines.push(`-- irreversible: step ${i + 1} cannot be undone: ${oneLine(s.reverse.why)}`);
    });
  }
  return lines.join("\n");
}

function groupSql(group: StepGroup, plan: Plan, direction: "up" | "down", number: (index: number) => number): string {
  const steps = group.steps.map((item) => {
    const scope = group.transactional ? "local" : "session";
    return [
      ...stepComments(item.step, number(item.index), direction, group.transactional),
      ...timeoutStatements(item.step, plan.options, scope),
      ...item.sql,
    ].join("\n");
  });
  return group.transactional ? ["BEGIN;", ...steps, "COMMIT;"].join("\n\n") : steps.join("\n\n");
}

function stepComments(step: Step, k: number, direction: "up" | "down", transactional: boolean): string[] {
  const where = transactional ? "" : " (outside a transaction)";
  if (direction === "down") {
    const lost = step.reverse.class === "lossy" ? [`-- lost: ${oneLine(step.reverse.lost)}`] : [];
    return [`-- undo step ${k}: ${oneLine(step.why)}${where}`, ...lost];
  }
  const lines = [`-- step ${k}: ${oneLine(step.why)}${where}`];
  for (const h of step.hazards) lines.push(`-- hazard: ${h.code}: ${oneLine(h.message)}`);
  for (const b of step.breaking) lines.push(`-- breaking: ${b.code}: ${oneLine(b.message)}`);
  if (step.retry.cleanup && step.retry.cleanup.length > 0) {
    lines.push(`-- retry: if this step failed, first run: ${step.retry.cleanup.map(oneLine).join(" ")}`);
  } else if (!step.retry.safe) {
    lines.push("-- retry: not safe to run again as is; check its verification query first");
  }
  return lines;
}
