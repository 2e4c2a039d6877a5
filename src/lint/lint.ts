import type { Catalog } from "../catalog/model.js";
import type { PgParser } from "../sql/parser.js";
import type { DatabaseStats } from "../stats/model.js";
import type { ActiveRule } from "./config.js";
import type { Finding, Location } from "./finding.js";
import { statementLocks, type StatementLock } from "./locks.js";
import { INITIAL_STATE, MigrationSyntaxError, nextState, parseMigration } from "./statements.js";

export interface LintOptions {
  readonly rules: readonly ActiveRule[];
  /** e.g. 150000 */
  readonly pgVersion: number;
}

/** A statement's lock analysis, reported beside the findings. */
export interface StatementLocks {
  readonly location: Location;
  readonly statement: string;
  readonly locks: readonly StatementLock[];
}

export interface MigrationLint {
  readonly findings: readonly Finding[];
  readonly locks: readonly StatementLocks[];
}

const IGNORE = /--\s*pg-schema-ignore(-file)?\b([^\n]*)/g;

/** `-- pg-schema-ignore a, b` (no ids: every rule) in `comments`; `file` for the `-file` form. */
function ignored(comments: string, file: boolean): Set<string> | "all" | undefined {
  let out: Set<string> | "all" | undefined;
  for (const m of comments.matchAll(IGNORE)) {
    if ((m[1] === "-file") !== file) continue;
    const ids = m[2]!.split(/[\s,]+/).filter((x) => /^[a-z0-9-]+$/.test(x));
    if (ids.length === 0) return "all";
    out = new Set([...(out === "all" || out === undefined ? [] : out), ...ids]);
  }
  return out;
}

const suppressed = (set: Set<string> | "all" | undefined, rule: string): boolean => set === "all" || (set?.has(rule) ?? false);

/**
 * Lints one migration file: each statement in order, with what the statements before it did (transactions,
 * lock_timeout, tables created here). A syntax error is one finding with its position, not a crash.
 */
export function lintMigration(parser: PgParser, file: string, text: string, options: LintOptions): MigrationLint {
  let parsed;
  try {
    parsed = parseMigration(parser, file, text);
  } catch (e) {
    if (!(e instanceof MigrationSyntaxError)) throw e;
    return { findings: [{ rule: "syntax-error", severity: "error", message: e.message, location: e.location }], locks: [] };
  }
  const fileIgnores = ignored(text, true);
  const findings: Finding[] = [];
  const locks: StatementLocks[] = [];
  let state = INITIAL_STATE;
  // Made once per rule: the hooks run for every statement of the file (400 000 calls on a large dump).
  const contexts = new Map(options.rules.map((r) => [r, { pgVersion: options.pgVersion, options: r.options }]));
  const context = (r: ActiveRule) => contexts.get(r)!;
  const statementRules = options.rules.filter((r) => r.rule.statement && !suppressed(fileIgnores, r.rule.id));
  for (const statement of parsed.statements) {
    const here = statement.comments.includes("pg-schema-ignore") ? ignored(statement.comments, false) : undefined;
    const taken = statementLocks(statement);
    if (taken.length > 0) locks.push({ location: parsed.locate(statement.byteStart), statement: statement.text, locks: taken });
    for (const active of statementRules) {
      if (here && suppressed(here, active.rule.id)) continue;
      for (const report of active.rule.statement!(statement, state, context(active))) {
        findings.push({
          rule: active.rule.id,
          severity: active.severity,
          message: report.message,
          location: parsed.locate(report.at ?? statement.byteStart),
          ...(report.help ? { help: report.help } : { help: active.rule.docs.fix }),
          ...(report.object ? { object: report.object } : {}),
          ...(report.fix ? { fix: report.fix } : {}),
        });
      }
    }
    state = nextState(state, statement);
  }
  const last = parsed.statements.at(-1);
  for (const active of options.rules) {
    if (!active.rule.end || suppressed(fileIgnores, active.rule.id)) continue;
    for (const report of active.rule.end(state, context(active), parsed.statements)) {
      findings.push({
        rule: active.rule.id,
        severity: active.severity,
        message: report.message,
        location: parsed.locate(report.at ?? last?.byteStart ?? 0),
        help: report.help ?? active.rule.docs.fix,
        ...(report.fix ? { fix: report.fix } : {}),
      });
    }
  }
  // In file order (end-of-file findings point back at their statement), rules in registry order at one spot.
  const at = (f: Finding): number => (f.location ? f.location.line * 1e6 + f.location.column : 0);
  return { findings: findings.map((f, i) => ({ f, i })).sort((a, b) => at(a.f) - at(b.f) || a.i - b.i).map((x) => x.f), locks };
}

/**
 * Lints a whole schema (a database, a snapshot, or SQL loaded into an engine); with `stats` (a live database's),
 * the live rules run too.
 */
export function lintCatalog(catalog: Catalog, options: LintOptions, stats?: DatabaseStats): Finding[] {
  const findings: Finding[] = [];
  for (const active of options.rules) {
    const context = { pgVersion: options.pgVersion, options: active.options };
    const reports = [...(active.rule.schema?.(catalog, context) ?? []), ...(stats && active.rule.live ? active.rule.live(catalog, stats, context) : [])];
    for (const report of reports) {
      findings.push({
        rule: active.rule.id,
        severity: active.severity,
        message: report.message,
        help: report.help ?? active.rule.docs.fix,
        ...(report.object ? { object: report.object } : {}),
        ...(report.fix ? { fix: report.fix } : {}),
      });
    }
  }
  return findings;
}
