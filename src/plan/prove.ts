import { introspect } from "../catalog/introspect.js";
import type { Catalog } from "../catalog/model.js";
import type { Database } from "../db/queryable.js";
import { applySql } from "../sources/apply-sql.js";
import { catalogToSql } from "../sql/ddl.js";
import { applyDown, applyUp, type ApplyResult } from "./apply.js";
import { differencesText, valueDifferences } from "./catalog-diff-text.js";
import { catalogRoles } from "./catalog-roles.js";
import { errorText } from "./error-text.js";
import type { ResolvedPlanOptions } from "./options.js";
import { isEmptyPlan, type Plan } from "./plan-types.js";
import { planMigration } from "./plan.js";
import { comparableContent, comparableJson } from "./proof-view.js";
import { withScratchDatabase } from "./scratch.js";

export type ProofPhase = "setup" | "up" | "converge" | "replan" | "verify" | "down" | "restore";

export interface ProofCheck {
  readonly name: ProofPhase;
  readonly ok: boolean;
  readonly detail?: string;
}

export interface ProofFailure {
  readonly phase: ProofPhase;
  /** The step's number (1-based, as `-- step k` in the SQL); for DOWN, the UP step whose reversal failed. */
  readonly step?: number;
  readonly why?: string;
  readonly statement?: string;
  /** PostgreSQL's error (SQLSTATE, message, detail, hint). */
  readonly error?: string;
  /** The first differing paths, `left → right`. */
  readonly diff?: string;
}

export interface ProofReport {
  readonly ok: boolean;
  readonly checks: readonly ProofCheck[];
  readonly failure?: ProofFailure;
}

export interface ProveOptions {
  /** A server URL: prove on a temporary database there instead of embedded PGlite. */
  readonly shadow?: string;
  /** The schemas both catalogs were limited to (`--schema`); the scratch database is read with the same limit. */
  readonly schemas?: readonly string[];
  readonly progress?: (message: string) => void;
  /**
   * More checks on the database right after UP converged (e.g. a design's verification queries): a failure message
   * fails the proof in phase `verify`.
   */
  readonly afterUp?: (db: Database) => Promise<{ readonly detail: string; readonly failure?: string }>;
  /**
   * An empty database to prove on, with the roles the catalogs name, instead of a new scratch one (a caller that
   * already started an engine saves starting another).
   */
  readonly db?: Database;
}

/**
 * Proves a plan before anyone runs it: on a scratch copy of `from`, UP must give `to`, re-planning must find
 * nothing left, every verification query must hold, and DOWN must give `from` back (unless a step cannot be undone).
 *
 * @example
 * const report = await provePlan(plan, from, to);
 * if (!report.ok) console.error(report.failure);
 */
export async function provePlan(plan: Plan, from: Catalog, to: Catalog, options: ProveOptions = {}): Promise<ProofReport> {
  if (isEmptyPlan(plan)) return proveEmpty(plan, from, to);
  const progress = options.progress ?? (() => {});
  if (options.db) return proveOn(options.db, plan, from, to, options, progress);
  return withScratchDatabase(
    {
      ...(options.shadow === undefined ? {} : { shadow: options.shadow }),
      extensions: [...new Set([...from.extensions, ...to.extensions].map((e) => e.name))],
      roles: catalogRoles(from, to),
      progress: (m) => progress(`proof: ${m}`),
    },
    (db) => proveOn(db, plan, from, to, options, progress),
  );
}

/** No steps: nothing to run, `from` must already be `to`. */
function proveEmpty(plan: Plan, from: Catalog, to: Catalog): ProofReport {
  const diff = differences(from, to, plan.options);
  if (diff === "") return { ok: true, checks: [{ name: "converge", ok: true, detail: "empty plan: the schemas are equal" }] };
  const failure = { phase: "converge", why: "the plan is empty but the schemas differ (from → to)", diff } as const;
  return { ok: false, checks: [{ name: "converge", ok: false, detail: failure.why }], failure };
}

async function proveOn(db: Database, plan: Plan, from: Catalog, to: Catalog, options: ProveOptions, progress: (m: string) => void): Promise<ProofReport> {
  const checks: ProofCheck[] = [];
  const pass = (name: ProofPhase, detail?: string): void => void checks.push({ name, ok: true, ...(detail ? { detail } : {}) });
  const fail = (failure: ProofFailure): ProofReport => {
    checks.push({ name: failure.phase, ok: false, ...(failure.why ? { detail: failure.why } : {}) });
    return { ok: false, checks, failure };
  };
  const read = (): Promise<Catalog> => readScratch(db, options.schemas);
  const exact = { owners: true, privileges: true };

  progress("proof: loading a copy of from");
  try {
    const hasPublic = [from, to].some((c) => c.schemas.some((s) => s.name === "public"));
    // A new database has `public`; a schema read without one (and not limited to some schemas) must not get it.
    if (!hasPublic && options.schemas === undefined) await db.exec("DROP SCHEMA IF EXISTS public CASCADE;");
    await db.session((s) => applySql(s, [{ name: "from (generated DDL)", text: catalogToSql(from) }]));
  } catch (e) {
    return fail({ phase: "setup", why: "the DDL of from does not load into the scratch database", error: errorText(e) });
  }
  const copy = differences(await read(), from, exact);
  if (copy !== "") return fail({ phase: "setup", why: "the scratch copy of from differs from from (copy → from)", diff: copy });
  pass("setup", "the scratch copy equals from");

  progress(`proof: applying UP (${plan.steps.filter((s) => s.sql.length > 0).length} steps)`);
  // Each verification query runs right after its step: it says the step took effect, which a later step may undo.
  const up = await applyUp(db, plan, { progress: (m) => progress(`proof: UP ${m}`), verify: true });
  if (up.failed?.verification) return fail({ phase: "verify", ...applyFailure(up, up.failed.index + 1) });
  if (up.failed) return fail({ phase: "up", ...applyFailure(up, up.failed.index + 1) });
  pass("up", `${up.applied} steps applied`);
  const verified = plan.steps.filter((s) => s.sql.length > 0 && s.verify !== undefined).length;
  pass("verify", `${verified} verification queries held right after their steps`);

  const after = await read();
  const converge = differences(after, to, plan.options);
  if (converge !== "" && differences(byColumnName(after), byColumnName(to), plan.options) !== "") {
    return fail({ phase: "converge", why: "after UP the schema differs from to (after → to)", diff: converge });
  }
  pass("converge", converge === "" ? "after UP the schema equals to" : `after UP the schema equals to except the order of columns (PostgreSQL appends added columns): ${reordered(after, to)}`);

  const again = planMigration(after, to, plan.options);
  if (!isEmptyPlan(again)) {
    const left = again.steps.filter((s) => s.sql.length > 0).map((s) => s.why);
    return fail({ phase: "replan", why: `re-planning after UP finds ${left.length} more step(s)`, diff: left.slice(0, 5).join("\n") });
  }
  pass("replan", "re-planning after UP finds nothing to do");
  if (options.afterUp) {
    const extra = await options.afterUp(db);
    if (extra.failure !== undefined) return fail({ phase: "verify", why: extra.failure });
    pass("verify", extra.detail);
  }

  const blocked = plan.steps.findIndex((s) => s.sql.length > 0 && s.reverse.class === "irreversible");
  if (blocked !== -1) {
    const step = plan.steps[blocked]!;
    pass("down", `skipped: step ${blocked + 1} is irreversible (${step.reverse.class === "irreversible" ? step.reverse.why : ""})`);
    return { ok: true, checks };
  }
  progress("proof: applying DOWN");
  const down = await applyDown(db, plan, { progress: (m) => progress(`proof: DOWN ${m}`) });
  if (down.failed) return fail({ phase: "down", ...applyFailure(down, plan.steps.length - down.failed.index) });
  pass("down", `${down.applied} reversals applied`);
  const afterDown = await read();
  const restored = differences(afterDown, from, plan.options);
  if (restored !== "" && differences(byColumnName(afterDown), byColumnName(from), plan.options) !== "") {
    return fail({ phase: "restore", why: "after DOWN the schema differs from from (after DOWN → from)", diff: restored });
  }
  pass("restore", restored === "" ? "after DOWN the schema equals from" : `after DOWN the schema equals from except the order of columns (a column added back goes last): ${reordered(afterDown, from)}`);
  return { ok: true, checks };
}

function applyFailure(result: ApplyResult, step: number): Omit<ProofFailure, "phase"> {
  const f = result.failed!;
  return { step, why: f.step.why, statement: f.statement, error: errorText(f.error) };
}

/** The scratch database read like the catalogs were: limited to the same schemas (those that exist so far). */
async function readScratch(db: Database, schemas: readonly string[] | undefined): Promise<Catalog> {
  if (schemas === undefined) return introspect(db);
  const existing = new Set((await db.query<{ nspname: string }>("select nspname from pg_catalog.pg_namespace")).map((r) => r.nspname));
  return introspect(db, { schemas: schemas.filter((s) => existing.has(s)) });
}

/** The catalog with every table's columns sorted by name: for comparing schemas whose column order cannot match. */
function byColumnName(catalog: Catalog): Catalog {
  return { ...catalog, tables: catalog.tables.map((t) => ({ ...t, columns: [...t.columns].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0)) })) };
}

/** The tables whose columns are in another order, `schema.table`. */
function reordered(a: Catalog, b: Catalog): string {
  const names = (t: Catalog["tables"][number]): string => t.columns.map((c) => c.name).join(",");
  return a.tables
    .filter((t) => {
      const other = b.tables.find((x) => x.schema === t.schema && x.name === t.name);
      return other !== undefined && names(other) !== names(t);
    })
    .map((t) => `${t.schema}.${t.name}`)
    .join(", ");
}

function differences(a: Catalog, b: Catalog, options: Pick<ResolvedPlanOptions, "owners" | "privileges">): string {
  if (comparableJson(a, options) === comparableJson(b, options)) return "";
  const lines = valueDifferences(comparableContent(a, options), comparableContent(b, options), 6);
  return differencesText(lines.length === 0 ? ["(the canonical JSON differs; no path found)"] : lines, 5);
}
