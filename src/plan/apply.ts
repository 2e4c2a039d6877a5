import { type DatabaseError, normalizeError } from "../db/errors.js";
import type { Database, Queryable } from "../db/queryable.js";
import { downItems, groupSteps, type StepGroup, type StepItem, upItems } from "./groups.js";
import type { ResolvedPlanOptions } from "./options.js";
import type { Plan } from "./plan-types.js";
import type { Step } from "./step.js";
import { timeoutStatements } from "./timeouts.js";

/** Where applying stopped: the step (by its position in the applied list), the statement and PostgreSQL's error. */
export interface ApplyFailure {
  /** Position of the step in the list that was applied (the UP list, or the DOWN list: last UP step first). */
  readonly index: number;
  readonly step: Step;
  /** The statement that failed (`COMMIT` when the commit did, e.g. a deferred constraint; the query when verifying). */
  readonly statement: string;
  /** A `DatabaseError` when PostgreSQL reported the failure; a `VerificationFailed` or another error otherwise. */
  readonly error: DatabaseError | Error;
  /** The step's statements ran; its verification query failed or was not true. */
  readonly verification?: true;
}

export interface ApplyResult {
  /**
   * Steps whose statements are committed. A failed transaction group rolls back whole, so its steps do not count;
   * a failed step outside a transaction does not count either, though statements before the failing one stand.
   * Steps without SQL of their own (done by another step) are never counted.
   */
  readonly applied: number;
  readonly failed?: ApplyFailure;
}

export interface ApplyRun {
  readonly progress?: (message: string) => void;
  /**
   * Run each step's verification query right after the step, on its connection (inside its transaction): the
   * query says the step took effect, which a later step may undo on purpose (a helper CHECK dropped once NOT NULL
   * is set), so it is checked then, not at the end. UP only: DOWN undoes exactly what it verifies.
   */
  readonly verify?: boolean;
}

/** A verification query returned something else than `ok = true`. */
export class VerificationFailed extends Error {
  override readonly name = "VerificationFailed";
  readonly code = "PLAN_VERIFICATION_FALSE";
  constructor(readonly returned: unknown) {
    super(`the verification query returned ${String(returned)}, not true`);
  }
}

type Position = { readonly index: number; readonly step: Step; readonly statement: string; readonly verification?: true };
type GroupItem = StepGroup["steps"][number];
/** What the running group is doing: the statement in flight, so a failure can name it. */
type Tracker = { current?: Position; readonly onStep: (item: GroupItem) => void; readonly verify: boolean };

/**
 * Applies steps group by group (see `groupSteps`): a transactional group in one transaction, each step preceded by
 * its `SET LOCAL` timeouts; a step that must run outside a transaction on a held session with session-level
 * timeouts. Every statement is sent alone. Stops at the first failure and says where, instead of throwing halfway.
 */
export async function applySteps(db: Database, items: readonly StepItem[], options: ResolvedPlanOptions, run: ApplyRun = {}): Promise<ApplyResult> {
  const groups = groupSteps(items);
  const total = groups.reduce((n, g) => n + g.steps.length, 0);
  let applied = 0;
  let started = 0;
  for (const group of groups) {
    const at: Tracker = { onStep: (item) => run.progress?.(`step ${++started}/${total}: ${item.step.why}`), verify: run.verify ?? false };
    try {
      await (group.transactional ? runInTransaction(db, group, options, at) : runOutside(db, group, options, at));
    } catch (e) {
      const error = normalizeError(e);
      const where = at.current ?? { index: group.steps[0]!.index, step: group.steps[0]!.step, statement: "" };
      return { applied, failed: { ...where, error: error instanceof Error ? error : new Error(String(error)) } };
    }
    applied += group.steps.length;
  }
  return { applied };
}

async function runInTransaction(db: Database, group: StepGroup, options: ResolvedPlanOptions, at: Tracker): Promise<void> {
  await db.transaction(async (tx) => {
    for (const item of group.steps) await runStep(tx, item, timeoutStatements(item.step, options, "local"), at);
    // A deferred constraint fails at COMMIT: name it, not the last statement.
    const last = group.steps[group.steps.length - 1]!;
    at.current = { index: last.index, step: last.step, statement: "COMMIT" };
  });
}

async function runOutside(db: Database, group: StepGroup, options: ResolvedPlanOptions, at: Tracker): Promise<void> {
  // The held session is reset afterwards, so the session-level timeouts end with the step.
  await db.session(async (s) => {
    for (const item of group.steps) await runStep(s, item, timeoutStatements(item.step, options, "session"), at);
  });
}

async function runStep(q: Queryable, item: GroupItem, settings: readonly string[], at: Tracker): Promise<void> {
  at.onStep(item);
  for (const statement of [...settings, ...item.sql]) {
    at.current = { index: item.index, step: item.step, statement };
    await q.exec(statement);
  }
  const query = item.step.verify;
  if (!at.verify || query === undefined) return;
  at.current = { index: item.index, step: item.step, statement: query, verification: true };
  const [row] = await q.query<{ ok: unknown }>(query);
  if (row?.ok !== true) throw new VerificationFailed(row === undefined ? "no row" : row.ok);
}

/** Applies the plan's UP steps in order (`verify`: each step's verification query right after it). */
export const applyUp = (db: Database, plan: Plan, run: ApplyRun = {}): Promise<ApplyResult> =>
  applySteps(db, upItems(plan), plan.options, run);

/** Applies the plan's DOWN: the reversal of every reversible or lossy step, last step first. */
export const applyDown = (db: Database, plan: Plan, run: Omit<ApplyRun, "verify"> = {}): Promise<ApplyResult> =>
  applySteps(db, downItems(plan), plan.options, { ...(run.progress ? { progress: run.progress } : {}) });
