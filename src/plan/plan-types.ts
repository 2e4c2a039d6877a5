import type { ResolvedPlanOptions } from "./options.js";
import type { Step } from "./step.js";

/** The result of planning: ordered steps, each with its reversal; DOWN is the reversals in reverse order. */
export interface Plan {
  readonly steps: readonly Step[];
  /** The options the plan was made with (timeouts are part of the SQL it renders). */
  readonly options: ResolvedPlanOptions;
}

/** True when the plan changes nothing. */
export const isEmptyPlan = (plan: Plan): boolean => plan.steps.every((s) => s.sql.length === 0);
