import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { after, describe, test } from "node:test";
import { introspect } from "../../src/catalog/introspect.js";
import type { Catalog } from "../../src/catalog/model.js";
import type { PgliteDatabase } from "../../src/db/pglite.js";
import { resolvePlanOptions } from "../../src/plan/options.js";
import type { Plan } from "../../src/plan/plan-types.js";
import type { Step } from "../../src/plan/step.js";
import { applySql } from "../../src/sources/apply-sql.js";
import { qname } from "../../src/sql/ident.js";
import { sameCatalog } from "../helpers/plan-catalog-diff.js";
import { checkConvergence, formatProblems, type Problem, type ProblemCategory, tryPlan } from "../helpers/plan-convergence.js";
import {
  caseNames,
  type Expectation,
  expectationOf,
  type FixtureCase,
  fixtureProblems,
  readCase,
  type StepSnapshot,
  snapshotOf,
  UPDATE_FIXTURES,
  writeSnapshot,
} from "../helpers/plan-fixtures.js";
import { PgliteScratch } from "../helpers/pglite.js";

/**
 * Every case of test/fixtures/diff is planned both ways (`<case> up`: from.sql → to.sql, `<case> down`: to.sql →
 * from.sql) and each plan must show the hand-written hazards and reversal classes, match its step snapshot, and
 * converge on a database holding the source with its rows (see plan-convergence.ts). A plan that does nothing
 * fails: every case's two sides differ, so the catalog after UP cannot equal the target.
 *
 * `UPDATE_FIXTURES=1` rewrites the `steps` / `downSteps` snapshots from the planner's output (never the hazards or
 * reversal classes). `PLAN_FIXTURES_REPORT=<file>` writes the failure categories of every test as JSON.
 */
const MIN_CASES = 160;
const names = caseNames();
const fromScratch = new PgliteScratch();
const toScratch = new PgliteScratch();
const outcomes = new Map<string, ProblemCategory[]>();

after(async () => {
  await fromScratch.close();
  await toScratch.close();
  if (process.env.PLAN_FIXTURES_REPORT) writeFileSync(process.env.PLAN_FIXTURES_REPORT, `${JSON.stringify(Object.fromEntries(outcomes), null, 2)}\n`);
});

interface Prepared {
  readonly fixture: FixtureCase;
  /** Tables without rows, by side: every table must carry rows in both files. */
  readonly empty: readonly string[];
  readonly fromDb: PgliteDatabase;
  readonly toDb: PgliteDatabase;
  readonly from: Catalog;
  readonly to: Catalog;
}

async function load(scratch: PgliteScratch, name: string, sql: string): Promise<{ db: PgliteDatabase; catalog: Catalog; empty: string[] }> {
  const db = await scratch.acquire();
  await db.session((s) => applySql(s, [{ name, text: sql }]));
  const catalog = await introspect(db);
  const empty: string[] = [];
  for (const t of catalog.tables) {
    if (t.partitioning || t.foreign) continue;
    const [row] = await db.query<{ any: boolean }>(`select exists (select from only ${qname(t)}) as any`);
    if (!row?.any) empty.push(`${name}: table ${t.schema}.${t.name} has no rows`);
  }
  return { db, catalog, empty };
}

/** Both sides loaded (each in its own scratch database, rows included) and read. */
async function prepare(name: string): Promise<Prepared> {
  const fixture = readCase(name);
  const f = await load(fromScratch, `${name}/from.sql`, fixture.fromSql);
  const t = await load(toScratch, `${name}/to.sql`, fixture.toSql);
  return { fixture, empty: [...f.empty, ...t.empty], fromDb: f.db, toDb: t.db, from: f.catalog, to: t.catalog };
}

function compareExpectation(actual: Expectation, expected: Expectation, plan: Plan, label: string): Problem[] {
  const problems: Problem[] = [];
  const diff = (a: readonly string[], e: readonly string[]) => ({ missing: e.filter((x) => !a.includes(x)), extra: a.filter((x) => !e.includes(x)) });
  const h = diff(actual.hazards, expected.hazards);
  if (h.missing.length + h.extra.length > 0) {
    const where = h.extra.flatMap((code) =>
      plan.steps.flatMap((s) => s.hazards.filter((x) => x.code === code).map((x) => `    ${code} on "${s.why}": ${x.message}`)),
    );
    problems.push({
      category: "hazards",
      message:
        `${label} hazards ${JSON.stringify(actual.hazards)}, expected ${JSON.stringify(expected.hazards)}` +
        (h.missing.length ? `\n  missing: ${h.missing.join(", ")}` : "") +
        (h.extra.length ? `\n  not expected: ${h.extra.join(", ")}\n${where.join("\n")}` : ""),
    });
  }
  const r = diff(actual.reversal, expected.reversal);
  if (r.missing.length + r.extra.length > 0) {
    const where = plan.steps.filter((s) => r.extra.includes(s.reverse.class)).map((s) => `    ${s.reverse.class}: "${s.why}"`);
    problems.push({
      category: "reversal",
      message: `${label} reversal classes ${JSON.stringify(actual.reversal)}, expected ${JSON.stringify(expected.reversal)}${where.length ? `\n${where.join("\n")}` : ""}`,
    });
  }
  return problems;
}

function compareSnapshot(actual: readonly StepSnapshot[], expected: readonly StepSnapshot[] | undefined, label: string): Problem[] {
  if (expected === undefined) return [{ category: "snapshot", message: `${label}: no step snapshot yet (record it with UPDATE_FIXTURES=1 once the plan converges)` }];
  const a = JSON.stringify(actual, null, 2);
  const e = JSON.stringify(expected, null, 2);
  if (a === e) return [];
  const al = a.split("\n");
  const el = e.split("\n");
  let i = 0;
  while (i < al.length && al[i] === el[i]) i++;
  return [{
    category: "snapshot",
    message: `${label}: steps differ from the snapshot at line ${i + 1} (UPDATE_FIXTURES=1 rewrites it)\n  actual:   ${al.slice(i, i + 3).join("\n            ")}\n  snapshot: ${el.slice(i, i + 3).join("\n            ")}`,
  }];
}

async function runDirection(p: Prepared, direction: "up" | "down"): Promise<Problem[]> {
  const { fixture } = p;
  const up = direction === "up";
  const problems: Problem[] = [];
  const fixtureIssues = [...fixtureProblems(fixture), ...p.empty];
  if (fixtureIssues.length > 0) problems.push({ category: "fixture", message: fixtureIssues.join("\n") });
  if (sameCatalog(p.from, p.to)) {
    problems.push({ category: "fixture", message: "from.sql and to.sql give the same catalog: the case tests nothing" });
    return problems;
  }
  const [source, target, db] = up ? [p.from, p.to, p.fromDb] : [p.to, p.from, p.toDb];
  const options = up ? fixture.options : fixture.downOptions;
  const label = up ? "from → to" : "to → from";
  const plan = tryPlan(source, target, options, problems);
  if (!plan) return problems;

  problems.push(...compareExpectation(expectationOf(plan), up ? fixture.expected : fixture.expected.down, plan, label));
  const snapshot = snapshotOf(plan);
  const field = up ? "steps" : "downSteps";
  if (UPDATE_FIXTURES) writeSnapshot(fixture, field, snapshot);
  else problems.push(...compareSnapshot(snapshot, fixture.expected[field], label));

  problems.push(...(await checkConvergence({ db, from: source, to: target, plan, options, label })));
  return problems;
}

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
    const p = await prepare("column-add-nullable");
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

describe("plan fixtures (test/fixtures/diff)", () => {
  test("the corpus has enough well-formed cases", () => {
    assert.ok(names.length >= MIN_CASES, `${names.length} cases, expected at least ${MIN_CASES}`);
    const bad = names.flatMap((n) => fixtureProblems(readCase(n)).map((m) => `${n}: ${m}`));
    assert.deepEqual(bad, []);
  });

  for (const name of names) {
    let prepared: Promise<Prepared> | undefined;
    for (const direction of ["up", "down"] as const) {
      test(`${name} ${direction}`, { timeout: 120_000 }, async () => {
        const p = await (prepared ??= prepare(name));
        const problems = await runDirection(p, direction);
        outcomes.set(`${name} ${direction}`, [...new Set(problems.map((x) => x.category))]);
        if (problems.length > 0) assert.fail(formatProblems(problems));
      });
    }
  }

  test("summary of failures by category", (t) => {
    const counts = new Map<string, number>();
    for (const categories of outcomes.values()) for (const c of categories) counts.set(c, (counts.get(c) ?? 0) + 1);
    const failing = [...outcomes.values()].filter((c) => c.length > 0).length;
    t.diagnostic(`${outcomes.size - failing} of ${outcomes.size} directions pass`);
    for (const [c, n] of [...counts].sort((a, b) => b[1] - a[1])) t.diagnostic(`${c}: ${n}`);
  });
});
