import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { HAZARD_CODES } from "../../src/plan/hazards.js";
import type { PlanOptions, RenameHint } from "../../src/plan/options.js";
import type { Plan } from "../../src/plan/plan-types.js";
import { splitIdentifiers } from "./plan-rows.js";

/**
 * The fixture corpus of the planner: `test/fixtures/diff/<case>/{from.sql,to.sql,expected.json[,options.json]}`.
 * `expected.json` holds what a reviewer must see, written by hand (hazard codes and reversal classes of the UP plan
 * and of the reverse plan to → from), and snapshots of the steps (`steps`, `downSteps`) that `UPDATE_FIXTURES=1`
 * rewrites from the planner's output so SQL changes show in git diffs.
 */
export const FIXTURE_DIR = new URL("../fixtures/diff/", import.meta.url).pathname;

export const REVERSAL_CLASSES = ["irreversible", "lossy", "reversible"] as const;

export interface StepSnapshot {
  readonly why: string;
  readonly sql: readonly string[];
  /** Only when the step is not batched with its neighbours (`own`, `none`). */
  readonly transaction?: string;
  readonly hazards: readonly string[];
  readonly reverse: string;
}

export interface Expectation {
  readonly hazards: readonly string[];
  readonly reversal: readonly string[];
}

export interface Expected extends Expectation {
  readonly down: Expectation;
  readonly steps?: readonly StepSnapshot[];
  readonly downSteps?: readonly StepSnapshot[];
}

export interface FixtureCase {
  readonly name: string;
  readonly dir: string;
  readonly fromSql: string;
  readonly toSql: string;
  /** options.json as given: the options of the UP plan. */
  readonly options: PlanOptions;
  /** The same for the reverse plan, with every rename hint turned around. */
  readonly downOptions: PlanOptions;
  readonly expected: Expected;
}

export function caseNames(): string[] {
  if (!existsSync(FIXTURE_DIR)) return [];
  return readdirSync(FIXTURE_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export function readCase(name: string): FixtureCase {
  const dir = join(FIXTURE_DIR, name);
  const read = (file: string): string => readFileSync(join(dir, file), "utf8");
  const options = existsSync(join(dir, "options.json")) ? (JSON.parse(read("options.json")) as PlanOptions) : {};
  return {
    name,
    dir,
    fromSql: read("from.sql"),
    toSql: read("to.sql"),
    options,
    downOptions: { ...options, ...(options.renames ? { renames: options.renames.map(reverseRename) } : {}) },
    expected: JSON.parse(read("expected.json")) as Expected,
  };
}

/** `column public.t.a → b` read backwards is `column public.t.b → a`. */
export function reverseRename(r: RenameHint): RenameHint {
  const parts = splitIdentifiers(r.from);
  const old = parts.pop()!;
  const quote = (s: string): string => (/^[a-z_][a-z0-9_]*$/.test(s) ? s : `"${s.replaceAll('"', '""')}"`);
  return { kind: r.kind, from: [...parts, r.to].map(quote).join("."), to: old };
}

/** What `expected.json` checks of a plan: sorted unique hazard codes and reversal classes over its steps. */
export function expectationOf(plan: Plan): Expectation {
  return {
    hazards: [...new Set(plan.steps.flatMap((s) => s.hazards.map((h) => h.code)))].sort(),
    reversal: [...new Set(plan.steps.map((s) => s.reverse.class))].sort(),
  };
}

export function snapshotOf(plan: Plan): StepSnapshot[] {
  return plan.steps.map((s) => ({
    why: s.why,
    sql: [...s.sql],
    ...(s.transaction === "shared" ? {} : { transaction: s.transaction }),
    hazards: [...new Set(s.hazards.map((h) => h.code))].sort(),
    reverse: s.reverse.class,
  }));
}

/** Rewrites one snapshot of a case's expected.json, leaving every hand-written field as it is. */
export function writeSnapshot(c: FixtureCase, field: "steps" | "downSteps", steps: readonly StepSnapshot[]): void {
  const path = join(c.dir, "expected.json");
  const current = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  const next: Record<string, unknown> = {};
  for (const k of ["hazards", "reversal", "down"]) if (k in current) next[k] = current[k];
  for (const k of Object.keys(current)) if (!(k in next) && k !== "steps" && k !== "downSteps") next[k] = current[k];
  const steps0 = field === "steps" ? steps : current.steps;
  const steps1 = field === "downSteps" ? steps : current.downSteps;
  if (steps0 !== undefined) next.steps = steps0;
  if (steps1 !== undefined) next.downSteps = steps1;
  writeFileSync(path, `${JSON.stringify(next, null, 2)}\n`);
}

export const UPDATE_FIXTURES = process.env.UPDATE_FIXTURES === "1";

/** Problems with a case's files themselves (not with the planner): wrong codes, unsorted lists, missing parts. */
export function fixtureProblems(c: FixtureCase): string[] {
  const out: string[] = [];
  const e = c.expected;
  const checkList = (label: string, list: unknown, allowed: readonly string[]): void => {
    if (!Array.isArray(list)) {
      out.push(`${label}: missing`);
      return;
    }
    for (const v of list) if (!allowed.includes(v as string)) out.push(`${label}: unknown value ${JSON.stringify(v)}`);
    const sorted = [...new Set(list as string[])].sort();
    if (JSON.stringify(sorted) !== JSON.stringify(list)) out.push(`${label}: not sorted and unique`);
  };
  checkList("hazards", e.hazards, HAZARD_CODES);
  checkList("reversal", e.reversal, REVERSAL_CLASSES);
  checkList("down.hazards", e.down?.hazards, HAZARD_CODES);
  checkList("down.reversal", e.down?.reversal, REVERSAL_CLASSES);
  if (Array.isArray(e.reversal) && e.reversal.length === 0) out.push("reversal: empty (every case changes something)");
  if (Array.isArray(e.down?.reversal) && e.down.reversal.length === 0) out.push("down.reversal: empty");
  for (const [file, text] of [["from.sql", c.fromSql], ["to.sql", c.toSql]] as const) {
    if (!/^-- \S/.test(text)) out.push(`${file}: must start with a one-line "-- " comment saying what the case tests`);
  }
  if (!/^[a-z0-9]+(-[a-z0-9]+)+$/.test(c.name)) out.push(`case name ${c.name}: expected <kind>-<change> in kebab-case`);
  return out;
}
