import assert from "node:assert/strict";
import { availableParallelism } from "node:os";
import { after, describe, test } from "node:test";
import { isMainThread, parentPort, Worker } from "node:worker_threads";
import fc from "fast-check";
import { introspect } from "../../src/catalog/introspect.js";
import type { Catalog } from "../../src/catalog/model.js";
import { planMigration } from "../../src/plan/plan.js";
import type { Plan } from "../../src/plan/plan-types.js";
import { type ProofReport, provePlan } from "../../src/plan/prove.js";
import { applySql } from "../../src/sources/apply-sql.js";
import { sameCatalog } from "../helpers/plan-catalog-diff.js";
import { PgliteScratch } from "../helpers/pglite.js";
import { buildPair, type Exclusion, type PairRecipe, type SchemaPair, schemaPairs } from "../helpers/random-schema.js";

/**
 * Property: for random schema pairs (test/helpers/random-schema.ts says what the generator covers and what not),
 * the plan from one to the other proves (provePlan: UP reaches the target, re-planning is empty, verification
 * queries hold, DOWN restores the source), in both directions.
 *
 * PLAN_PROPERTY_RUNS=n    how many pairs (default below)
 * PLAN_PROPERTY_SEED=s    fast-check's seed (default below); the pairs are the same for the same seed
 * PLAN_PROPERTY_PAIR=i    run pair i of the seed only (what a failure's message names)
 * PLAN_PROPERTY_SHRINK=1  on a failure, let fast-check shrink the pair to a small one (slow: a proof per try)
 * PLAN_PROPERTY_ALL_GAPS=1 draw what KNOWN_PLANNER_GAPS leaves out too
 * PLAN_PROPERTY_WORKERS=n  worker threads proving pairs side by side (default: 2 from two cores up; 1: this thread)
 *
 * A pair costs two PGlite starts (one per proof) plus loading both sides: about 5 s of CPU.
 */
const DEFAULT_RUNS = 25;
const DEFAULT_SEED = 1;

/**
 * What the planner gets wrong today, each with what the generator leaves out because of it. Remove an entry once
 * the planner handles it (and run PLAN_PROPERTY_RUNS=300 with a few seeds). docs/plan-property-gaps.md (from the
 * run that found them) has the minimized SQL.
 */
const KNOWN_PLANNER_GAPS: readonly { readonly exclude: Exclusion; readonly why: string }[] = [
  {
    exclude: { gap: "uncastable-type-change" },
    why: "ALTER COLUMN … TYPE x USING c::x fails when PostgreSQL has no cast (numeric → boolean: 42846); no drop-and-add or refusal instead",
  },
  {
    exclude: { gap: "drop-commented" },
    why: "DOWN loses comments: of a dropped column, of a view dropped and created again, of an enum rebuilt",
  },
  {
    exclude: { gap: "retype-policy-column" },
    why: "changing the type of a column a policy names fails (0A000 cannot alter type of a column used in a policy definition): the policy is not dropped and created around it",
  },
  {
    exclude: { gap: "retype-check-column" },
    why: "a column type change runs before the CHECK naming it is replaced: text → bigint with CHECK (c <> '') fails (42883 operator does not exist: bigint <> text)",
  },
  {
    exclude: { gap: "retype-identity-column" },
    why: "an identity column changed to numeric and no longer identity: the type change runs before DROP IDENTITY (22023 identity column type must be smallint, integer, or bigint)",
  },
  {
    exclude: { gap: "retype-referenced-key" },
    why: "changing the type of a referenced key and its foreign key column (numeric → integer) fails: the foreign key is not dropped and added around it (42804)",
  },
  {
    exclude: { gap: "key-with-foreign-key" },
    why: "a primary key and a foreign key to it added together: the foreign key may be added before ADD CONSTRAINT … USING INDEX (it binds to the index), so DOWN cannot drop the key (2BP01)",
  },
  {
    exclude: { gap: "domain-base-type" },
    why: "changing the domain's base type while a policy names a column of it: planMigration throws StepCycleError (drop column → add column → change policy)",
  },
  {
    exclude: { gap: "enum-label-default-change" },
    why: "an enum label removed while a column default moves off it to another label: planMigration throws StepCycleError (create enum with its new labels → set default → set enum aside)",
  },
];

const RUNS = Number(process.env.PLAN_PROPERTY_RUNS ?? DEFAULT_RUNS);
const SEED = Number(process.env.PLAN_PROPERTY_SEED ?? DEFAULT_SEED);
const ONLY = process.env.PLAN_PROPERTY_PAIR === undefined ? undefined : Number(process.env.PLAN_PROPERTY_PAIR);
const SHRINK = process.env.PLAN_PROPERTY_SHRINK === "1";
const exclude = process.env.PLAN_PROPERTY_ALL_GAPS === "1" ? [] : KNOWN_PLANNER_GAPS.map((g) => g.exclude);
const pairs = schemaPairs({ exclude });
const samples = fc.sample(pairs, { seed: SEED, numRuns: ONLY === undefined ? RUNS : ONLY + 1 });

const WORKERS = ONLY === undefined ? Math.max(1, Number(process.env.PLAN_PROPERTY_WORKERS ?? Math.min(2, availableParallelism()))) : 1;

let scratch: PgliteScratch | undefined;

/** A side's SQL loaded into the scratch database and read; a side that does not load is a generator bug. */
async function load(name: string, text: string): Promise<Catalog> {
  const db = await (scratch ??= new PgliteScratch()).acquire();
  await db.session((s) => applySql(s, [{ name, text }]));
  return introspect(db);
}

interface Outcome {
  readonly direction: string;
  readonly plan?: Plan;
  readonly report?: ProofReport;
  readonly error?: string;
}

async function prove(direction: string, from: Catalog, to: Catalog): Promise<Outcome> {
  let plan: Plan;
  try {
    plan = planMigration(from, to);
  } catch (e) {
    return { direction, error: `planMigration threw: ${(e as Error).stack ?? String(e)}` };
  }
  try {
    return { direction, plan, report: await provePlan(plan, from, to) };
  } catch (e) {
    return { direction, plan, error: `provePlan threw: ${(e as Error).stack ?? String(e)}` };
  }
}

/** What checking a pair found: its failures as text (none when both directions prove), and what it ran. */
interface PairResult {
  readonly failures: readonly string[];
  readonly generatorBug?: true;
  readonly equal: boolean;
  readonly steps: number;
}

async function check(pair: SchemaPair): Promise<PairResult> {
  let a: Catalog, b: Catalog;
  try {
    a = await load("from.sql", pair.from);
    b = await load("to.sql", pair.to);
  } catch (e) {
    return { failures: [`GENERATOR BUG: a side does not load: ${(e as Error).message}`], generatorBug: true, equal: false, steps: 0 };
  }
  const outcomes = [await prove("from → to", a, b), await prove("to → from", b, a)];
  return {
    failures: outcomes.filter((o) => o.error !== undefined || !o.report?.ok).map(describeOutcome),
    equal: sameCatalog(a, b),
    steps: outcomes.reduce((n, o) => n + (o.plan?.steps.length ?? 0), 0),
  };
}

const checkSafely = (pair: SchemaPair): Promise<PairResult> =>
  check(pair).catch((e: unknown) => ({ failures: [`the harness failed: ${(e as Error).stack ?? String(e)}`], equal: false, steps: 0 }));

// In a worker thread: prove the pairs asked for by index (the samples are the same in every thread).
if (!isMainThread && parentPort) {
  const port = parentPort;
  port.on("message", async (index: number) => {
    if (index < 0) {
      await scratch?.close();
      port.postMessage({ index, closed: true });
      return;
    }
    port.postMessage({ index, result: await checkSafely(samples[index]!.pair) });
  });
}

/** Runs `check` on `size` worker threads, one pair per worker at a time. */
class PairPool {
  readonly #workers: Worker[] = [];
  readonly #idle: Worker[] = [];
  readonly #queue: number[] = [];
  readonly #waiting = new Map<number, (r: PairResult) => void>();
  readonly #busy = new Map<Worker, number>();

  constructor(readonly size: number) {}

  run(index: number): Promise<PairResult> {
    return new Promise((resolve) => {
      this.#waiting.set(index, resolve);
      this.#queue.push(index);
      this.#dispatch();
    });
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      const worker = this.#idle.pop() ?? (this.#workers.length < this.size ? this.#spawn() : undefined);
      if (!worker) return;
      const index = this.#queue.shift()!;
      this.#busy.set(worker, index);
      worker.postMessage(index);
    }
  }

  #spawn(): Worker {
    // A worker does not inherit the hooks that let this process import TypeScript: its entry registers tsx first.
    const entry = `import { register } from ${JSON.stringify(import.meta.resolve("tsx/esm/api"))}; register(); await import(${JSON.stringify(import.meta.url)});`;
    const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(entry)}`));
    worker.on("message", (m: { index: number; result?: PairResult; closed?: true }) => {
      if (m.closed) return void worker.terminate();
      this.#waiting.get(m.index)?.(m.result!);
      this.#waiting.delete(m.index);
      this.#busy.delete(worker);
      this.#idle.push(worker);
      this.#dispatch();
    });
    worker.on("error", (e) => {
      // The pair it was on fails; the others go to a new worker.
      const index = this.#busy.get(worker);
      this.#busy.delete(worker);
      this.#workers.splice(this.#workers.indexOf(worker), 1);
      if (index !== undefined) {
        this.#waiting.get(index)?.({ failures: [`the worker failed on this pair: ${e.stack ?? String(e)}`], equal: false, steps: 0 });
        this.#waiting.delete(index);
      }
      this.#dispatch();
    });
    this.#workers.push(worker);
    return worker;
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => new Promise<void>((resolve) => {
      w.once("exit", () => resolve());
      w.postMessage(-1);
    })));
  }
}

function describeOutcome(o: Outcome): string {
  const lines = [`${o.direction}:`];
  if (o.error) lines.push(`  ${o.error}`);
  const f = o.report?.failure;
  if (f) {
    lines.push(`  phase: ${f.phase}${f.step === undefined ? "" : `, step ${f.step}`}${f.why ? ` (${f.why})` : ""}`);
    if (f.statement) lines.push(`  statement: ${f.statement}`);
    if (f.error) lines.push(`  error: ${f.error.replace(/\n/g, "\n    ")}`);
    if (f.diff) lines.push(`  diff:\n    ${f.diff.replace(/\n/g, "\n    ")}`);
  }
  if (o.plan) {
    const steps = o.plan.steps.filter((s) => s.sql.length > 0);
    lines.push(`  plan (${steps.length} steps):`, ...steps.map((s, i) => `    -- step ${i + 1}: ${s.why}\n    ${s.sql.join("\n    ")}`));
  }
  return lines.join("\n");
}

const message = (index: number, pair: SchemaPair, failures: readonly string[]): string =>
  [
    `pair ${index} of seed ${SEED} (PLAN_PROPERTY_SEED=${SEED} PLAN_PROPERTY_PAIR=${index}; add PLAN_PROPERTY_SHRINK=1 to shrink it)`,
    `edits: ${pair.edits.join("; ")}`,
    ...failures,
    `--- from.sql\n${pair.from}--- to.sql\n${pair.to}`,
  ].join("\n");

/** fast-check replays the failing run and shrinks its recipe; the smallest failing pair comes back as text. */
async function shrink(index: number): Promise<string> {
  const result = await fc.check(
    fc.asyncProperty(pairs, async ({ pair }) => (await checkSafely(pair)).failures.length === 0),
    { seed: SEED, path: String(index), numRuns: 1 },
  );
  if (!result.failed || !result.counterexample) return "shrinking: the pair passed when replayed";
  const [{ recipe }] = result.counterexample as [{ recipe: PairRecipe }];
  const pair = buildPair(recipe, { exclude });
  return `SHRUNK after ${result.numShrinks} shrinks:\n${message(index, pair, (await checkSafely(pair)).failures)}\nrecipe: ${JSON.stringify(recipe)}`;
}

if (isMainThread) {
  const pool = WORKERS > 1 ? new PairPool(WORKERS) : undefined;
  after(async () => {
    await pool?.close();
    await scratch?.close();
  });
  const indices = samples.map((_, i) => i).filter((i) => ONLY === undefined || i === ONLY);
  // Every pair is queued at once: with workers, several are proven side by side while the tests wait in order.
  const results = new Map(indices.map((i) => [i, pool ? pool.run(i) : undefined]));
  let serial: Promise<unknown> = Promise.resolve();
  const resultOf = (i: number): Promise<PairResult> => {
    const queued = results.get(i);
    if (queued) return queued;
    const next = serial.then(() => checkSafely(samples[i]!.pair));
    serial = next;
    return next;
  };
  const stats = { pairs: 0, equal: 0, steps: 0, generatorBugs: [] as string[] };

  describe(`planner property: random schema pairs converge both ways (seed ${SEED}, ${indices.length} pairs)`, () => {
    for (const index of indices) {
      const { pair } = samples[index]!;
      test(`pair ${index}: ${pair.edits.join("; ")}`, { timeout: 900_000 }, async () => {
        const result = await resultOf(index);
        stats.pairs++;
        if (result.equal) stats.equal++;
        stats.steps += result.steps;
        if (result.generatorBug) stats.generatorBugs.push(`pair ${index}: ${result.failures[0]}`);
        if (result.failures.length === 0) return;
        assert.fail(`${message(index, pair, result.failures)}${SHRINK ? `\n\n${await shrink(index)}` : ""}`);
      });
    }

    test("every generated schema loads (a side that does not is a bug of the generator)", (t) => {
      t.diagnostic(`${stats.pairs} pairs (${stats.equal} whose sides read the same), ${stats.steps} plan steps, ${WORKERS} worker(s)`);
      for (const g of KNOWN_PLANNER_GAPS) t.diagnostic(`left out (known planner gap): ${JSON.stringify(g.exclude)}: ${g.why}`);
      assert.deepEqual(stats.generatorBugs, []);
    });
  });
}
