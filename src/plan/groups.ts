import type { Plan } from "./plan-types.js";
import type { Step, TransactionMode } from "./step.js";

/** A run of steps sent together: in one transaction, or one statement-free-of-transaction step. */
/** One step's statements in one direction, with how they relate to transactions. */
export interface StepItem {
  readonly step: Step;
  readonly sql: readonly string[];
  readonly transaction: TransactionMode;
}

/** A run of steps sent together: in one transaction, or one step outside any transaction. */
export interface StepGroup {
  readonly transactional: boolean;
  /** `index` is the position in the UP list (UP) or in the reversed list (DOWN). */
  readonly steps: readonly (StepItem & { readonly index: number })[];
}

/**
 * Splits the steps into transaction groups: consecutive `shared` steps share one transaction; an `own` step gets
 * one alone (so what follows sees it committed); a `none` step runs outside any transaction. Steps without SQL
 * (done by another step) are left out.
 */
export function groupSteps(items: readonly StepItem[]): StepGroup[] {
  const groups: { transactional: boolean; steps: (StepItem & { index: number })[] }[] = [];
  let open: (typeof groups)[number] | undefined;
  items.forEach((item, index) => {
    if (item.sql.length === 0) return;
    if (item.transaction === "shared") {
      if (!open) {
        open = { transactional: true, steps: [] };
        groups.push(open);
      }
      open.steps.push({ ...item, index });
      return;
    }
    open = undefined;
    groups.push({ transactional: item.transaction === "own", steps: [{ ...item, index }] });
  });
  return groups;
}

/** UP: each step's SQL in plan order. */
export const upItems = (plan: Plan): StepItem[] => plan.steps.map((step) => ({ step, sql: step.sql, transaction: step.transaction }));

/** DOWN: each reversible or lossy step's reversal, last step first. Irreversible steps contribute nothing. */
export const downItems = (plan: Plan): StepItem[] =>
  [...plan.steps]
    .reverse()
    .map((step) =>
      step.reverse.class === "irreversible"
        ? { step, sql: [], transaction: "shared" }
        : { step, sql: step.reverse.sql, transaction: step.reverse.transaction ?? "shared" },
    );
