import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { after, describe, test } from "node:test";
import { resolvePlanOptions } from "../../src/plan/options.js";
import type { Plan } from "../../src/plan/plan-types.js";
import type { Step } from "../../src/plan/step.js";
import { type CaseResult, prepare, runCase } from "../helpers/plan-case-run.js";
import { CasePool } from "../helpers/plan-case-worker.js";
import { checkConvergence, formatProblems, type ProblemCategory } from "../helpers/plan-convergence.js";
import { caseNames, fixtureProblems, readCase } from "../helpers/plan-fixtures.js";
import { PgliteScratch } from "../helpers/pglite.js";

/**
 * Every case of test/fixtures/diff is planned both ways (`<case> up`: from.sql → to.sql, `<case> down`: to.sql →
 * from.sql) and each plan must show the hand-written hazards and reversal classes, match its step snapshot, and
 * converge on a database holding the source with its rows (see plan-convergence.ts). A plan that does nothing
 * fails: every case's two sides differ, so the catalog after UP cannot equal the target.
 *
 * `UPDATE_FIXTURES=1` rewrites the `steps` / `downSteps` snapshots from the planner's output (never the hazards or
 * reversal classes). `PLAN_FIXTURES_REPORT=<file>` writes the failure categories of every test as JSON.
 * `PLAN_FIXTURES_WORKERS=<n>` sets how many worker threads run cases (default: one per core, at most 4, from four
 * cores up; 1 runs them in this thread).
 */
const MIN_CASES = 160;
const names = caseNames();
const scratches = { from: new PgliteScratch(), to: new PgliteScratch() };
const outcomes = new Map<string, ProblemCategory[]>();
// Two cores gain little (the threads share caches and each starts its own PGlite); four and more do.
const cores = availableParallelism();
const workers = Number(process.env.PLAN_FIXTURES_WORKERS ?? (cores >= 4 ? Math.min(4, cores) : 1));
const pool = workers > 1 ? new CasePool(workers) : undefined;
const results = new Map<string, Promise<CaseResult>>();
const resultOf = (name: string): Promise<CaseResult> => {
  let r = results.get(name);
  if (!r) results.set(name, (r = pool ? pool.run(name) : runCase(name, scratches)));
  return r;
};

after(async () => {
  await pool?.close();
  await scratches.from.close();
  await scratches.to.close();
  if (process.env.PLAN_FIXTURES_REPORT) writeFileSync(process.env.PLAN_FIXTURES_REPORT, `${JSON.stringify(Object.fromEntries(outcomes), null, 2)}\n`);
});

/** A hand-made step, to show the harness fails the plans it must fail. */
const step = (sql: string[], extra: Partial<Step> = {}): Step => ({
  why: "hand-made step",
  change: { action: "alter", object: "table:public.items" },
  sql,
  transaction: "shared",
  locks: [],
  hazards: [],
  breaking: [],
  reverse: { class: "reversible", sql: ["ALTER TABLE items DROP COLUMN note;"] },
  retry: { safe: true },
  creates: [],
  drops: [],
  ...extra,
});
const handPlan = (steps: Step[]): Plan => ({ steps, options: resolvePlanOptions() });

describe("the harness fails what it must (on column-add-nullable)", () => {
  const check = async (plan: Plan): Promise<ProblemCategory[]> => {
    const p = await prepare("column-add-nullable", scratches);
    const problems = await checkConvergence({ db: p.fromDb, from: p.from, to: p.to, plan, options: {}, label: "self-check" });
    return [...new Set(problems.map((x) => x.category))].sort();
  };
  const addNote = "ALTER TABLE items ADD COLUMN note text;";

  test("an empty plan does not converge (and re-planning finds the change still to do)", async () => {
    assert.deepEqual(await check(handPlan([])), ["converge-up", "replan"]);
  });
  test("a plan that loses a row without a data-loss hazard", async () => {
    assert.deepEqual(await check(handPlan([step([addNote, "DELETE FROM items WHERE id = 1;"])])), ["rows-down", "rows-up"]);
  });
  test("a plan that changes a kept value", async () => {
    assert.deepEqual(await check(handPlan([step([addNote, "UPDATE items SET name = 'quince' WHERE id = 1;"])])), ["rows-down", "rows-up"]);
  });
  test("the same loss declared as data loss with a lossy reversal passes", async () => {
    const lossy = step([addNote, "DELETE FROM items WHERE id = 1;"], {
      hazards: [{ code: "data-loss", message: "deletes a row" }],
      reverse: { class: "lossy", sql: ["ALTER TABLE items DROP COLUMN note;"], lost: "a row" },
    });
    assert.deepEqual(await check(handPlan([lossy])), []);
  });
  test("a failing statement stops UP", async () => {
    assert.deepEqual(await check(handPlan([step(["ALTER TABLE no_such_table ADD COLUMN note text;"])])), ["apply-up"]);
  });
  test("a false verification is reported and UP goes on", async () => {
    assert.deepEqual(await check(handPlan([step([addNote], { verify: "SELECT false AS ok;" })])), ["verify"]);
  });
  test("a DOWN that does not restore the source", async () => {
    assert.deepEqual(await check(handPlan([step([addNote], { reverse: { class: "reversible", sql: [] } })])), ["converge-down"]);
  });
});

// Both directions of a case come from one run; with workers, several cases run at once.
describe("plan fixtures (test/fixtures/diff)", { concurrency: Math.max(1, workers) * 2 }, () => {
  test("the corpus has enough well-formed cases", () => {
    assert.ok(names.length >= MIN_CASES, `${names.length} cases, expected at least ${MIN_CASES}`);
    const bad = names.flatMap((n) => fixtureProblems(readCase(n)).map((m) => `${n}: ${m}`));
    assert.deepEqual(bad, []);
  });

  for (const name of names) {
    for (const direction of ["up", "down"] as const) {
      test(`${name} ${direction}`, { timeout: 300_000 }, async () => {
        const problems = (await resultOf(name))[direction];
        const categories = [...new Set(problems.map((x) => x.category))].sort();
        outcomes.set(`${name} ${direction}`, categories);
        if (problems.length > 0) assert.fail(formatProblems(problems));
      });
    }
  }
});

describe("plan fixtures: summary", () => {
  test("failures by category", (t) => {
    const counts = new Map<string, number>();
    for (const categories of outcomes.values()) for (const c of categories) counts.set(c, (counts.get(c) ?? 0) + 1);
    const failing = [...outcomes.values()].filter((c) => c.length > 0).length;
    t.diagnostic(`${outcomes.size - failing} of ${outcomes.size} directions pass`);
    for (const [c, n] of [...counts].sort((a, b) => b[1] - a[1])) t.diagnostic(`${c}: ${n}`);
  });
});
