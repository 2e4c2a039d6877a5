import type { Database } from "../../src/db/queryable.js";
import { type ApplyFailure, applyDown, applySteps } from "../../src/plan/apply.js";
import { groupSteps, upItems } from "../../src/plan/groups.js";
import type { Plan } from "../../src/plan/plan-types.js";

export { type ApplyFailure, applyDown };

export interface VerifiedUp {
  /** A statement failed: UP stopped there. */
  readonly failed?: ApplyFailure;
  /** Steps whose verification query, run right after the step, was not true (UP went on past them). */
  readonly unverified: readonly ApplyFailure[];
}

/**
 * UP with every step's verification query run right after the step (`applyUp(…, { verify: true })`), except that a
 * false verification does not end the run: it is recorded and UP resumes after the step (or at the start of its
 * transaction group, which rolled back), so one run shows both the failed verification and whether UP converges.
 */
export async function applyUpVerified(db: Database, plan: Plan): Promise<VerifiedUp> {
  const items = upItems(plan);
  const groups = groupSteps(items);
  const unverified: ApplyFailure[] = [];
  let start = 0;
  for (;;) {
    const result = await applySteps(db, items.slice(start), plan.options, { verify: true });
    if (!result.failed) return { unverified };
    const failed = { ...result.failed, index: result.failed.index + start };
    if (!failed.verification) return { failed, unverified };
    unverified.push(failed);
    const group = groups.find((g) => g.steps.some((s) => s.index === failed.index))!;
    if (group.transactional) {
      // The group rolled back: run it again without verifying its steps, then carry on verifying.
      const end = group.steps[group.steps.length - 1]!.index + 1;
      const again = await applySteps(db, items.slice(group.steps[0]!.index, end), plan.options);
      if (again.failed) return { failed: { ...again.failed, index: again.failed.index + group.steps[0]!.index }, unverified };
      start = end;
    } else {
      start = failed.index + 1;
    }
  }
}
