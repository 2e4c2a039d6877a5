import { resolvePlanOptions, type PlanOptions } from "../../src/plan/options.js";
import type { Plan } from "../../src/plan/plan-types.js";
import type { Step } from "../../src/plan/step.js";

/**
 * A hand-built step: the planner is not needed to test what runs, renders and proves plans. Defaults: shared
 * transaction, no locks or hazards, safe to retry, irreversible (tests say what the reversal is).
 */
export function step(why: string, sql: readonly string[], extra: Partial<Step> = {}): Step {
  return {
    why,
    change: { action: "create", object: `test:${why}` },
    sql,
    transaction: "shared",
    locks: [],
    hazards: [],
    breaking: [],
    reverse: { class: "irreversible", why: "a test step" },
    retry: { safe: true },
    creates: [],
    drops: [],
    ...extra,
  };
}

export const planOf = (steps: readonly Step[], options: PlanOptions = {}): Plan => ({ steps, options: resolvePlanOptions(options) });

/** `DO` block that fails unless the setting has the value: runs the check where the step runs. */
export const assertSetting = (name: string, value: string): string =>
  `DO $$ BEGIN IF current_setting('${name}') <> '${value}' THEN RAISE EXCEPTION '${name} is %, expected ${value}', current_setting('${name}'); END IF; END $$;`;
