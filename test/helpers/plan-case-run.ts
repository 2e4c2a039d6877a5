import { introspect } from "../../src/catalog/introspect.js";
import type { Catalog } from "../../src/catalog/model.js";
import type { PgliteDatabase } from "../../src/db/pglite.js";
import type { Plan } from "../../src/plan/plan-types.js";
import { applySql } from "../../src/sources/apply-sql.js";
import { qname } from "../../src/sql/ident.js";
import { sameCatalog } from "./plan-catalog-diff.js";
import { checkConvergence, type Problem, tryPlan } from "./plan-convergence.js";
import {
  type Expectation,
  expectationOf,
  type FixtureCase,
  fixtureProblems,
  readCase,
  type StepSnapshot,
  snapshotOf,
  UPDATE_FIXTURES,
  writeSnapshot,
} from "./plan-fixtures.js";
import type { PgliteScratch } from "./pglite.js";

/**
 * One fixture case, both directions: each side loaded into its own scratch database (rows included) and read, then
 * each plan checked against expected.json and proven on the database holding its source. Used in-process and by
 * the workers of plan-case-worker.ts.
 */
export interface CaseResult {
  readonly up: readonly Problem[];
  readonly down: readonly Problem[];
}

export interface CaseScratches {
  readonly from: PgliteScratch;
  readonly to: PgliteScratch;
}

export async function runCase(name: string, scratches: CaseScratches): Promise<CaseResult> {
  let p: Prepared;
  try {
    p = await prepare(name, scratches);
  } catch (e) {
    const problem: Problem = { category: "fixture", message: `cannot load the case: ${(e as Error).message}` };
    return { up: [problem], down: [problem] };
  }
  return { up: await runDirection(p, "up"), down: await runDirection(p, "down") };
}

export interface Prepared {
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
export async function prepare(name: string, scratches: CaseScratches): Promise<Prepared> {
  const fixture = readCase(name);
  const f = await load(scratches.from, `${name}/from.sql`, fixture.fromSql);
  const t = await load(scratches.to, `${name}/to.sql`, fixture.toSql);
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
