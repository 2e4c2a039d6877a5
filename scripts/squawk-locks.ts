// squawk's lock-level tables (require_timeout_settings.rs `lock_kind_*` tests: each SQL with the lock squawk says it
// takes) against pg-schema's statementLocks (src/lint/locks.ts): the strongest lock per statement. Used by
// scripts/squawk-conformance.ts; squawk's SQL is read from its repository at run time and not copied here.
import { execFileSync } from "node:child_process";
import { statementLocks } from "../src/lint/locks.js";
import { parseMigration } from "../src/lint/statements.js";
import { LOCK_LEVELS, type LockLevel } from "../src/plan/step.js";
import { loadParser } from "../src/sql/parser.js";

const FILE = "crates/squawk_linter/src/rules/require_timeout_settings.rs";

export interface LockRow {
  readonly test: string;
  readonly sql: string;
  /** squawk's LockKind, e.g. `AccessExclusive`, `Unknown`. */
  readonly squawk: string;
  /** Ours in squawk's spelling (`Unknown` when we report none). */
  readonly ours: string;
}

/** `SHARE UPDATE EXCLUSIVE` → `ShareUpdateExclusive`. */
const squawkName = (m: LockLevel): string => m.toLowerCase().replace(/(^|\s)(\w)/g, (_x, _s: string, c: string) => c.toUpperCase());

/** The rows of every `fn lock_kind_*` test: the snapshot table's `sql | lock` lines. */
function tables(source: string): { test: string; rows: [string, string][] }[] {
  const out: { test: string; rows: [string, string][] }[] = [];
  for (const m of source.matchAll(/fn (lock_kind_\w+)\(\)\s*\{([\s\S]*?)\n {4}\}/g)) {
    const snapshot = /@r?#*"([\s\S]*?)"#*\s*\)/.exec(m[2]!)?.[1] ?? "";
    const rows = snapshot
      .split("\n")
      .map((l) => l.split("|").map((x) => x.trim()))
      .filter((c) => c.length === 2 && c[0] !== "sql" && !/^-+$/.test(c[0]!.replace(/\+/g, "")) && c[1] !== "")
      .map((c) => [c[0]!, c[1]!] as [string, string]);
    out.push({ test: m[1]!, rows });
  }
  return out;
}

export async function lockKinds(gitDir: string): Promise<LockRow[]> {
  const source = execFileSync("git", ["-C", gitDir, "show", `HEAD:${FILE}`], { encoding: "utf8" });
  const parser = await loadParser();
  const rank = (m: LockLevel): number => LOCK_LEVELS.indexOf(m);
  return tables(source).flatMap(({ test, rows }) =>
    rows.map(([sql, squawk]) => {
      let ours = "parse error";
      try {
        const statement = parseMigration(parser, "lock.sql", sql).statements[0];
        const locks = statement ? statementLocks(statement) : [];
        ours = locks.length === 0 ? "Unknown" : squawkName(locks.reduce((a, b) => (rank(b.mode) > rank(a.mode) ? b : a)).mode);
      } catch {
        // counted as a parse error
      }
      return { test, sql, squawk, ours };
    }),
  );
}

/** Counts only (no squawk SQL) for the docs page; every row for stdout. */
export function lockSummary(rows: readonly LockRow[], withSql: boolean): string {
  const agree = rows.filter((r) => r.ours === r.squawk).length;
  const lines = [`Lock levels (squawk's \`lock_kind_*\` tables, ${rows.length} statements): ${agree} agree with \`statementLocks\`, ${rows.length - agree} differ.`];
  if (withSql) for (const r of rows.filter((x) => x.ours !== x.squawk)) lines.push(`- ${r.test}: \`${r.sql}\`: squawk ${r.squawk}, ours ${r.ours}`);
  return lines.join("\n");
}
