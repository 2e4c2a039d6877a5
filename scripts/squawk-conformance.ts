// How our squawk-equivalent rules agree with squawk's own rule tests. Reads squawk's rule test modules
// (crates/squawk_linter/src/rules/*.rs, `mod test`) and insta snapshots from a squawk git directory at run time
// (squawk is GPL: nothing of it is copied here), extracts each lint assertion (`lint_ok`, `lint_errors`, their `_with`
// settings variants, `fix_sql`, and the test module's own wrappers of these), lints its SQL with our rule(s) whose
// `docs.squawk` names that squawk rule, and compares: agree / we miss / we over-flag / count differs.
//
//   node --import tsx scripts/squawk-conformance.ts <squawk-git-dir> [--write] [--sql]
//
// Without --write: the table and every disagreement (with our findings; `--sql` adds the test's SQL) on stdout.
// With --write: the table and the disagreement list (counts and test names only) to docs/rules/squawk-conformance.md,
// keeping what is written by hand below its marker.
import { type LockRow, lockKinds, lockSummary } from "./squawk-locks.js";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { activeRules } from "../src/lint/config.js";
import type { Finding } from "../src/lint/finding.js";
import { lintMigration } from "../src/lint/lint.js";
import { RULE_LIST } from "../src/lint/rules/index.js";
import { loadParser } from "../src/sql/parser.js";

export const COMMAND = "npm run lint:squawk -- <squawk-git-dir> --write";
const DOC = "docs/rules/squawk-conformance.md";
/** Everything after this line of the page is written by hand and kept when the page is regenerated. */
export const REVIEW_MARKER = "<!-- hand-written below: kept by npm run lint:squawk -->";
const RULES_DIR = "crates/squawk_linter/src/rules";
const DEFAULT_PG = 150000; // squawk's LinterSettings default: 15.0
/**
 * squawk rules whose violations count something else than ours: only flagged / not flagged is compared for them.
 * (squawk marks every occurrence of a duplicated column; we report each duplicated column once.)
 */
export const COUNTED_DIFFERENTLY: ReadonlyMap<string, string> = new Map([
  ["ban-duplicate-column-assignments", "squawk reports every occurrence of a duplicated name, pg-schema each duplicated name once"],
]);

// ---------- Rust tokens ----------

type Tok =
  | { readonly t: "str"; readonly v: string }
  | { readonly t: "id"; readonly v: string }
  | { readonly t: "num"; readonly v: string }
  | { readonly t: "p"; readonly v: string };

function unescape(body: string): string {
  return body.replace(/\\(\n\s*|x[0-9a-fA-F]{2}|u\{[0-9a-fA-F]+\}|.)/g, (_, e: string) => {
    if (e.startsWith("\n")) return ""; // line continuation
    if (e[0] === "x") return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e[0] === "u") return String.fromCodePoint(parseInt(e.slice(2, -1), 16));
    return ({ n: "\n", t: "\t", r: "\r", "0": "\0" } as Record<string, string>)[e] ?? e;
  });
}

/** Rust source → tokens (comments dropped; string literals decoded; `::` and `..` kept whole). */
export function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) { i++; continue; }
    if (src.startsWith("//", i)) { const e = src.indexOf("\n", i); i = e < 0 ? src.length : e; continue; }
    if (src.startsWith("/*", i)) {
      let depth = 0;
      do {
        if (src.startsWith("/*", i)) { depth++; i += 2; } else if (src.startsWith("*/", i)) { depth--; i += 2; } else i++;
      } while (depth > 0 && i < src.length);
      continue;
    }
    const raw = /^b?r(#*)"/.exec(src.slice(i, i + 40));
    if (raw) {
      const close = `"${raw[1]}`;
      const start = i + raw[0].length;
      const end = src.indexOf(close, start);
      out.push({ t: "str", v: src.slice(start, end) });
      i = end + close.length;
      continue;
    }
    if (c === '"' || (c === "b" && src[i + 1] === '"')) {
      let j = i + (c === "b" ? 2 : 1);
      while (src[j] !== '"') j += src[j] === "\\" ? 2 : 1;
      out.push({ t: "str", v: unescape(src.slice(i + (c === "b" ? 2 : 1), j)) });
      i = j + 1;
      continue;
    }
    if (c === "'") {
      const ch = /^'(\\.[^']*|[^\\'])'/u.exec(src.slice(i, i + 12));
      if (ch) { out.push({ t: "str", v: unescape(ch[1]!) }); i += ch[0].length; continue; }
      const life = /^'[A-Za-z_]\w*/.exec(src.slice(i))!; // a lifetime
      i += life[0].length;
      continue;
    }
    const id = /^[A-Za-z_]\w*/.exec(src.slice(i, i + 200));
    if (id) { out.push({ t: "id", v: id[0] }); i += id[0].length; continue; }
    const num = /^\d[\w.]*/.exec(src.slice(i, i + 50));
    if (num) { out.push({ t: "num", v: num[0] }); i += num[0].length; continue; }
    const two = src.slice(i, i + 2);
    if (two === "::" || two === ".." || two === "=>" || two === "->") { out.push({ t: "p", v: two }); i += 2; continue; }
    out.push({ t: "p", v: c });
    i++;
  }
  return out;
}

const is = (tok: Tok | undefined, v: string): boolean => tok !== undefined && tok.t !== "str" && tok.v === v;
const OPEN: Record<string, string> = { "(": ")", "[": "]", "{": "}" };

/** Index of the bracket closing the one at `i`. */
function closing(toks: readonly Tok[], i: number): number {
  let depth = 0;
  for (let j = i; j < toks.length; j++) {
    const tk = toks[j]!;
    if (tk.t === "p" && OPEN[tk.v]) depth++;
    else if (tk.t === "p" && (tk.v === ")" || tk.v === "]" || tk.v === "}")) if (--depth === 0) return j;
  }
  return toks.length - 1;
}

/** The top-level comma-separated arguments between the bracket at `open` and its match: [start, end) ranges. */
function args(toks: readonly Tok[], open: number): Array<[number, number]> {
  const end = closing(toks, open);
  const out: Array<[number, number]> = [];
  let start = open + 1;
  for (let j = open + 1; j < end; j++) {
    const tk = toks[j]!;
    if (tk.t === "p" && OPEN[tk.v]) j = closing(toks, j);
    else if (is(tk, ",")) { out.push([start, j]); start = j + 1; }
  }
  if (start < end) out.push([start, end]);
  return out;
}

const text = (toks: readonly Tok[]): string => toks.map((x) => (x.t === "str" ? JSON.stringify(x.v) : x.v)).join(" ");

// ---------- squawk's rule names ----------

interface SquawkNames {
  /** Variant (`AddingFieldWithDefault`) → every name it answers to (display name first). */
  readonly names: ReadonlyMap<string, readonly string[]>;
  /** Name → variant. */
  readonly variant: ReadonlyMap<string, string>;
  /** Alias variants → the variants they run (`RequireTimeoutSettings`). */
  readonly expands: ReadonlyMap<string, readonly string[]>;
}

function squawkNames(libRs: string): SquawkNames {
  const names = new Map<string, string[]>();
  const add = (v: string, n: string, first = false) => {
    const list = names.get(v) ?? [];
    if (!list.includes(n)) first ? list.unshift(n) : list.push(n);
    names.set(v, list);
  };
  for (const m of libRs.matchAll(/Rule::(\w+)\s*=>\s*"([a-z0-9-]+)"/g)) add(m[1]!, m[2]!, true);
  for (const m of libRs.matchAll(/"([a-z0-9-]+)"\s*=>\s*(?:\{\s*)?Ok\(Rule::(\w+)\)/g)) add(m[2]!, m[1]!);
  const variant = new Map<string, string>();
  for (const [v, ns] of names) for (const n of ns) variant.set(n, v);
  const expands = new Map<string, string[]>();
  for (const m of libRs.matchAll(/Rule::(\w+)\s*=>\s*\{?\s*&\[([^\]]*)\]/g)) {
    expands.set(m[1]!, [...m[2]!.matchAll(/Rule::(\w+)/g)].map((x) => x[1]!));
  }
  return { names, variant, expands };
}

// ---------- test extraction ----------

type Expect = "ok" | "errors";
const BASE: Record<string, { expect: Expect; settings: boolean }> = {
  lint_ok: { expect: "ok", settings: false },
  lint_errors: { expect: "errors", settings: false },
  lint_ok_with: { expect: "ok", settings: true },
  lint_errors_with: { expect: "errors", settings: true },
  fix_sql: { expect: "errors", settings: false },
  fix_sql_with: { expect: "errors", settings: true },
};

interface Settings {
  readonly pgVersion?: string;
  readonly assumeInTransaction?: boolean;
}

export interface SquawkCase {
  /** `module::test` (with `#n` when a test makes more than one assertion). */
  readonly name: string;
  readonly module: string;
  /** squawk's Rule variant the assertion names. */
  readonly rule: string;
  readonly expect: Expect;
  /** A fix_sql assertion: flagged, count not asserted. */
  readonly viaFix: boolean;
  readonly sql?: string;
  readonly settings: Settings;
  /** Violations per squawk rule name, from the snapshot (inline or .snap), when the assertion has one. */
  readonly counts?: ReadonlyMap<string, number>;
  /** Why the case could not be extracted. */
  readonly skipped?: string;
}

interface Fn {
  readonly name: string;
  readonly params: readonly string[];
  readonly body: readonly Tok[];
  readonly test: boolean;
}

/** The functions of the `mod test { … }` after `#[cfg(test)]`. */
function testFns(toks: readonly Tok[]): Fn[] {
  let start = -1;
  for (let i = 0; i < toks.length - 3; i++) {
    if (is(toks[i], "mod") && is(toks[i + 1], "test") && is(toks[i + 2], "{")) { start = i + 2; break; }
  }
  if (start < 0) return [];
  const end = closing(toks, start);
  const fns: Fn[] = [];
  let attrs: string[] = [];
  for (let i = start + 1; i < end; i++) {
    if (is(toks[i], "#") && is(toks[i + 1], "[")) {
      const close = closing(toks, i + 1);
      attrs.push(text(toks.slice(i + 2, close)));
      i = close;
      continue;
    }
    if (is(toks[i], "fn") && toks[i + 1]?.t === "id") {
      const name = toks[i + 1]!.v;
      let j = i + 2;
      while (!is(toks[j], "(")) j++;
      const params = args(toks, j).map(([a]) => toks[a]!.v);
      j = closing(toks, j);
      while (!is(toks[j], "{")) j++;
      const close = closing(toks, j);
      fns.push({ name, params, body: toks.slice(j + 1, close), test: attrs.includes("test") });
      attrs = [];
      i = close;
    }
  }
  return fns;
}

type Env = ReadonlyMap<string, readonly Tok[]>;

/** `let name = expr;` bindings of a body. */
function lets(body: readonly Tok[]): Map<string, { expr: Tok[]; from: number; to: number }> {
  const out = new Map<string, { expr: Tok[]; from: number; to: number }>();
  for (let i = 0; i < body.length; i++) {
    if (!is(body[i], "let")) continue;
    let j = i + 1;
    if (is(body[j], "mut")) j++;
    const name = body[j]!.v;
    while (!is(body[j], "=")) j++;
    let k = j + 1;
    while (k < body.length && !is(body[k], ";")) k = body[k]!.t === "p" && OPEN[body[k]!.v] ? closing(body, k) + 1 : k + 1;
    out.set(name, { expr: body.slice(j + 1, k), from: j + 1, to: k });
  }
  return out;
}

class Unsupported extends Error {}

/** A Rust string expression's value: literals, `.to_string()`, `&x`, a `let` variable, `format!`, `.repeat(n)`. */
function evalStr(expr: readonly Tok[], env: Env, depth = 0): string {
  if (depth > 8) throw new Unsupported("expression too deep");
  let e = [...expr];
  if (is(e[0], "&")) e = e.slice(1);
  while (e.length >= 4 && is(e.at(-4), ".") && ["to_string", "to_owned", "into", "as_str"].includes(e.at(-3)!.v) && is(e.at(-2), "(") && is(e.at(-1), ")")) e = e.slice(0, -4);
  if (e.length === 1 && e[0]!.t === "str") return e[0]!.v;
  if (e.length === 1 && e[0]!.t === "id" && env.has(e[0]!.v)) return evalStr(env.get(e[0]!.v)!, env, depth + 1);
  if (e.length === 6 && e[0]!.t === "str" && is(e[1], ".") && is(e[2], "repeat") && e[4]!.t === "num") return e[0]!.v.repeat(Number(e[4]!.v));
  if (is(e[0], "format") && is(e[1], "!") && is(e[2], "(")) {
    const parts = args(e, 2).map(([a, b]) => e.slice(a, b));
    const template = evalStr(parts[0]!, env, depth + 1);
    let next = 1;
    return template.replace(/\{\{|\}\}|\{([A-Za-z_]\w*)?(:[^}]*)?\}/g, (m, name: string | undefined, spec: string | undefined) => {
      if (m === "{{") return "{";
      if (m === "}}") return "}";
      if (spec) throw new Unsupported(`format! spec ${m}`);
      if (name) return evalStr([{ t: "id", v: name }], env, depth + 1);
      const arg = parts[next++];
      if (!arg) throw new Unsupported("format! argument missing");
      return evalStr(arg, env, depth + 1);
    });
  }
  throw new Unsupported(`SQL expression \`${text(e).slice(0, 60)}\``);
}

/** A `LinterSettings { … }` expression (or a variable or helper returning one). */
function evalSettings(expr: readonly Tok[], env: Env, fns: ReadonlyMap<string, Fn>): Settings {
  let e = [...expr];
  if (is(e[0], "&")) e = e.slice(1);
  if (e.length === 1 && e[0]!.t === "id" && env.has(e[0]!.v)) return evalSettings(env.get(e[0]!.v)!, env, fns);
  if (e.length === 3 && e[0]!.t === "id" && is(e[1], "(") && fns.has(e[0]!.v)) return evalSettings(fns.get(e[0]!.v)!.body, new Map(), fns);
  if (text(e) === "Default :: default ( )" || text(e) === "LinterSettings :: default ( )") return {};
  const at = e.findIndex((x) => is(x, "LinterSettings"));
  if (at < 0 || !is(e[at + 1], "{")) throw new Unsupported(`settings expression \`${text(e).slice(0, 60)}\``);
  let settings: Settings = {};
  for (const [a, b] of args(e, at + 1)) {
    const field = e.slice(a, b);
    if (is(field[0], "..")) continue;
    const value = field.slice(2);
    if (is(field[0], "pg_version")) settings = { ...settings, pgVersion: evalStr(value.slice(0, 1), env) };
    else if (is(field[0], "assume_in_transaction")) settings = { ...settings, assumeInTransaction: is(value[0], "true") };
    else throw new Unsupported(`setting ${field[0]!.v}`);
  }
  return settings;
}

interface Call {
  readonly at: number;
  readonly expect: Expect;
  readonly viaFix: boolean;
  readonly sql: readonly Tok[];
  readonly settings?: readonly Tok[];
  readonly rule: readonly Tok[];
  /** The environment the SQL and settings expressions are read in. */
  readonly env: Env;
}

/** The lint assertions in `body`, resolving the module's wrappers (`fn lint_errors_with(sql, settings)` …). */
function calls(body: readonly Tok[], env: Env, fns: ReadonlyMap<string, Fn>, inside: ReadonlySet<string>): Call[] {
  const out: Call[] = [];
  for (let i = 0; i < body.length - 1; i++) {
    const tk = body[i]!;
    if (tk.t !== "id" || !is(body[i + 1], "(") || is(body[i - 1], "fn")) continue;
    const qualified = is(body[i - 1], "::");
    const actual = args(body, i + 1).map(([a, b]) => body.slice(a, b));
    const local = fns.get(tk.v);
    if (!qualified && local && !local.test && !inside.has(tk.v)) {
      const inner = new Map<string, readonly Tok[]>();
      local.params.forEach((p, k) => { if (actual[k]) inner.set(p, actual[k]!); });
      for (const c of calls(local.body, inner, fns, new Set([...inside, tk.v]))) {
        // An argument that is one of the wrapper's parameters is the caller's expression, read in the caller's scope.
        const lift = (x: readonly Tok[]): readonly Tok[] => (x.length === 1 && x[0]!.t === "id" && inner.has(x[0]!.v) ? inner.get(x[0]!.v)! : x);
        out.push({ ...c, at: i, sql: lift(c.sql), rule: lift(c.rule), ...(c.settings ? { settings: lift(c.settings) } : {}), env });
      }
      i = closing(body, i + 1);
      continue;
    }
    const base = BASE[tk.v];
    if (!base) continue;
    const [sql, second, third] = actual;
    out.push({ at: i, expect: base.expect, viaFix: tk.v.startsWith("fix"), sql: sql ?? [], rule: (base.settings ? third : second) ?? [], ...(base.settings && second ? { settings: second } : {}), env });
    i = closing(body, i + 1);
  }
  return out;
}

/** `warning[rule-name]` lines of a rendered violation list → counts per rule name. */
function snapshotCounts(snapshot: string): Map<string, number> | undefined {
  const counts = new Map<string, number>();
  for (const m of snapshot.matchAll(/^\s*warning\[([a-z0-9-]+)\]/gm)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  return counts.size ? counts : undefined;
}

/** Every lint assertion of one rule module. `snap(name)` reads `snapshots/<name>.snap` (undefined when absent). */
export function extractCases(module: string, source: string, snap: (name: string) => string | undefined): { cases: SquawkCase[]; noAssertion: string[] } {
  const fns = testFns(tokenize(source));
  const byName = new Map(fns.map((f) => [f.name, f]));
  const cases: SquawkCase[] = [];
  const noAssertion: string[] = [];
  for (const fn of fns.filter((f) => f.test)) {
    const bindings = lets(fn.body);
    const env: Env = new Map([...bindings].map(([k, v]) => [k, v.expr]));
    const found = calls(fn.body, env, byName, new Set());
    if (found.length === 0) { noAssertion.push(`${module}::${fn.name}`); continue; }
    // insta snapshots of this test, in order: the argument range they snapshot, and their inline text if any.
    const snaps: Array<{ from: number; to: number; inline?: string; file?: string }> = [];
    let external = 0;
    for (let i = 0; i < fn.body.length; i++) {
      if (!is(fn.body[i], "assert_snapshot") || !is(fn.body[i + 1], "!")) continue;
      const parts = args(fn.body, i + 2);
      const [a, b] = parts[0]!;
      const inlineTok = parts.slice(1).find(([x]) => is(fn.body[x], "@"));
      let [from, to] = [a, b];
      const only = fn.body[a]!;
      if (b - a === 1 && only.t === "id" && bindings.has(only.v)) ({ from, to } = bindings.get(only.v)!);
      if (inlineTok) snaps.push({ from, to, inline: (fn.body[inlineTok[0] + 1] as Tok).v });
      else snaps.push({ from, to, file: `squawk_linter__rules__${module}__test__${fn.name}${++external > 1 ? `-${external}` : ""}` });
    }
    found.forEach((c, k) => {
      const name = `${module}::${fn.name}${found.length > 1 ? `#${k + 1}` : ""}`;
      const rule = c.rule.length === 3 && is(c.rule[0], "Rule") && is(c.rule[1], "::") ? c.rule[2]!.v : undefined;
      const base = { name, module, rule: rule ?? "?", expect: c.expect, viaFix: c.viaFix };
      try {
        if (!rule) throw new Unsupported(`rule argument \`${text(c.rule)}\``);
        const sql = evalStr(c.sql, c.env);
        const settings = c.settings ? evalSettings(c.settings, c.env, byName) : {};
        const s = c.expect === "errors" && !c.viaFix ? snaps.find((x) => x.from <= c.at && c.at < x.to) : undefined;
        const rendered = s?.inline ?? (s?.file ? snap(s.file) : undefined);
        const counts = rendered ? snapshotCounts(rendered) : undefined;
        cases.push({ ...base, sql, settings, ...(counts ? { counts } : {}) });
      } catch (e) {
        if (!(e instanceof Unsupported)) throw e;
        cases.push({ ...base, settings: {}, skipped: e.message });
      }
    });
  }
  return { cases, noAssertion };
}

// ---------- comparison ----------

export type Outcome = "agree" | "miss" | "over-flag" | "count-differs" | "assume-tx" | "parse-error" | "skipped" | "no-equivalent";

export interface Result {
  readonly case: SquawkCase;
  /** The squawk rule (display name) the row is counted under. */
  readonly squawkRule: string;
  readonly ourRules: readonly string[];
  readonly outcome: Outcome;
  readonly findings: readonly Finding[];
  /** For assume_in_transaction cases: the outcome with the SQL wrapped in BEGIN … COMMIT (what the setting stands for). */
  readonly emulated?: Outcome;
  readonly note?: string;
}

const pgVersionNum = (v: string | undefined): number => {
  if (!v) return DEFAULT_PG;
  const [major, minor] = v.split(".").map(Number);
  return major! * 10000 + (minor ?? 0);
};

function compare(expect: Expect, counts: ReadonlyMap<string, number> | undefined, ours: ReadonlyMap<string, number>): Outcome {
  const total = [...ours.values()].reduce((a, b) => a + b, 0);
  if (expect === "ok") return total === 0 ? "agree" : "over-flag";
  if (total === 0) return "miss";
  if (!counts) return "agree";
  const keys = new Set([...counts.keys(), ...ours.keys()]);
  return [...keys].every((k) => (counts.get(k) ?? 0) === (ours.get(k) ?? 0)) ? "agree" : "count-differs";
}

export interface Conformance {
  readonly commit: string;
  readonly results: readonly Result[];
  /** Tests with no lint assertion (lock-kind tables and the like). */
  readonly noAssertion: readonly string[];
  /** squawk's lock-kind tables against statementLocks. */
  readonly locks: readonly LockRow[];
}

export async function conformance(gitDir: string): Promise<Conformance> {
  const git = (...a: string[]): string => execFileSync("git", ["-C", gitDir, ...a], { encoding: "utf8", maxBuffer: 1 << 28 });
  const commit = git("rev-parse", "HEAD").trim();
  const files = git("ls-tree", "-r", "--name-only", "HEAD", RULES_DIR).split("\n").filter(Boolean);
  const snaps = new Set(files.filter((f) => f.endsWith(".snap")));
  const names = squawkNames(git("show", "HEAD:crates/squawk_linter/src/lib.rs"));
  const display = (variant: string): string => names.names.get(variant)?.[0] ?? variant;
  // squawk rule name (any alias) → our rules standing for it.
  const ours = new Map<string, string[]>();
  for (const r of RULE_LIST) {
    if (!r.docs.squawk) continue;
    const v = names.variant.get(r.docs.squawk);
    if (!v) continue;
    ours.set(v, [...(ours.get(v) ?? []), r.id]);
  }
  const parser = await loadParser();
  const results: Result[] = [];
  const noAssertion: string[] = [];
  for (const file of files.filter((f) => f.endsWith(".rs") && !f.endsWith("/mod.rs"))) {
    const module = file.slice(RULES_DIR.length + 1, -3);
    const source = git("show", `HEAD:${file}`);
    const snap = (n: string): string | undefined => (snaps.has(`${RULES_DIR}/snapshots/${n}.snap`) ? git("show", `HEAD:${RULES_DIR}/snapshots/${n}.snap`).replace(/^---[\s\S]*?\n---\n/, "") : undefined);
    const extracted = extractCases(module, source, snap);
    noAssertion.push(...extracted.noAssertion);
    for (const c of extracted.cases) {
      const variants = names.expands.get(c.rule) ?? [c.rule];
      const ourIds = variants.flatMap((v) => ours.get(v) ?? []);
      const squawkRule = display(c.rule);
      const base = { case: c, squawkRule, ourRules: ourIds, findings: [] as Finding[] };
      if (c.skipped || c.sql === undefined) { results.push({ ...base, outcome: "skipped", note: c.skipped ?? "no SQL" }); continue; }
      if (ourIds.length === 0) { results.push({ ...base, outcome: "no-equivalent" }); continue; }
      const rules = activeRules(RULE_LIST.filter((r) => ourIds.includes(r.id)), {});
      const pgVersion = pgVersionNum(c.settings.pgVersion);
      const run = (sql: string) => {
        const { findings } = lintMigration(parser, `${c.name}.sql`, sql, { rules, pgVersion });
        const syntax = findings.find((f) => f.rule === "syntax-error");
        const counts = new Map<string, number>();
        for (const f of findings) {
          const squawkName = RULE_LIST.find((r) => r.id === f.rule)?.docs.squawk;
          const key = squawkName ? display(names.variant.get(squawkName) ?? squawkName) : f.rule;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        return { findings, syntax, counts };
      };
      const expected = c.counts && !COUNTED_DIFFERENTLY.has(squawkRule) ? new Map([...c.counts].map(([k, n]) => [display(names.variant.get(k) ?? k), n])) : undefined;
      const got = run(c.sql);
      if (got.syntax) { results.push({ ...base, outcome: "parse-error", findings: got.findings, note: got.syntax.message }); continue; }
      const outcome = compare(c.expect, expected, got.counts);
      if (c.settings.assumeInTransaction) {
        // squawk turns the setting off for a file with this comment.
        const disabled = /(--|\/\*)\s*squawk-disable-assume-in-transaction\b/.test(c.sql);
        const wrapped = run(disabled ? c.sql : `BEGIN;\n${c.sql}\nCOMMIT;\n`);
        results.push({ ...base, outcome: "assume-tx", findings: wrapped.findings, emulated: wrapped.syntax ? "parse-error" : compare(c.expect, expected, wrapped.counts), note: `unwrapped: ${outcome}` });
        continue;
      }
      results.push({ ...base, outcome, findings: got.findings });
    }
  }
  return { commit, results, noAssertion, locks: await lockKinds(gitDir) };
}

// ---------- report ----------

const COLUMNS: ReadonlyArray<[Outcome, string]> = [
  ["agree", "agree"], ["miss", "we miss"], ["over-flag", "we over-flag"], ["count-differs", "count differs"],
  ["assume-tx", "assume_in_transaction"], ["parse-error", "our parser rejects"], ["skipped", "skipped"],
];
const DISAGREE: ReadonlySet<Outcome> = new Set(["miss", "over-flag", "count-differs", "parse-error"]);

function expectation(c: SquawkCase): string {
  if (c.expect === "ok") return "squawk: no violation";
  if (c.counts) return `squawk: ${[...c.counts].map(([k, n]) => `${n}× ${k}`).join(", ")}`;
  return c.viaFix ? "squawk: flagged (fix_sql; count not asserted)" : "squawk: flagged (no snapshot count)";
}

const settingsText = (c: SquawkCase): string =>
  [c.settings.pgVersion ? `pg ${c.settings.pgVersion}` : "", c.settings.assumeInTransaction ? "assume_in_transaction" : ""].filter(Boolean).join(", ");

export function summaryTable(r: Conformance): string {
  const rows = new Map<string, Result[]>();
  for (const x of r.results) rows.set(x.squawkRule, [...(rows.get(x.squawkRule) ?? []), x]);
  const line = (label: string, list: readonly Result[]): string =>
    `| ${label} | ${list.length} | ${COLUMNS.map(([o]) => list.filter((x) => x.outcome === o).length).join(" | ")} |`;
  const body = [...rows].sort(([a], [b]) => a.localeCompare(b)).map(([rule, list]) => line(`\`${rule}\` → ${[...new Set(list[0]!.ourRules)].map((id) => `\`${id}\``).join(", ") || "none"}`, list));
  const total = line("**all**", r.results);
  const tx = r.results.filter((x) => x.outcome === "assume-tx");
  return [
    `| squawk rule → ours | assertions | ${COLUMNS.map(([, l]) => l).join(" | ")} |`,
    `|---|---:|${COLUMNS.map(() => "---:").join("|")}|`,
    ...body,
    total,
    "",
    `Assertions that compare (agree + we miss + we over-flag + count differs + our parser rejects): ${r.results.filter((x) => x.outcome === "agree" || DISAGREE.has(x.outcome)).length}; agree: ${r.results.filter((x) => x.outcome === "agree").length}.`,
    `\`assume_in_transaction\` assertions (pg-schema has no such setting; emulated by wrapping the file in \`BEGIN; … COMMIT;\`): ${tx.length}, of which ${tx.filter((x) => x.emulated === "agree").length} agree when wrapped.`,
    `Tests with no lint assertion (not counted): ${r.noAssertion.length}.`,
    ...[...COUNTED_DIFFERENTLY].map(([rule, why]) => `Counts are not compared for \`${rule}\`: ${why}.`),
  ].join("\n");
}

function findingsText(list: readonly Finding[]): string {
  return list.length ? list.map((f) => `${f.rule}@${f.location?.line ?? "?"}: ${f.message}`).join("; ") : "none";
}

export function disagreements(r: Conformance, withSql: boolean): string {
  const out: string[] = [];
  for (const x of r.results) {
    const interesting = DISAGREE.has(x.outcome) || x.outcome === "skipped" || (x.outcome === "assume-tx" && x.emulated !== "agree");
    if (!interesting) continue;
    const s = settingsText(x.case);
    const what = x.outcome === "assume-tx" ? `assume-tx, wrapped: ${x.emulated}` : x.outcome;
    out.push(`- **${x.case.name}** (\`${x.squawkRule}\`${s ? `, ${s}` : ""}): ${what}. ${expectation(x.case)}; ours: ${x.outcome === "skipped" ? `not run (${x.note})` : findingsText(x.findings)}`);
    if (withSql && x.case.sql !== undefined) out.push("  ```sql", ...x.case.sql.trim().split("\n").map((l) => `  ${l}`), "  ```");
  }
  return out.join("\n");
}

/** The page: counts and test names only (no squawk SQL), then the kept hand-written part. */
export function page(r: Conformance, kept: string): string {
  const names = (o: Outcome) => r.results.filter((x) => x.outcome === o).map((x) => `\`${x.case.name}\``);
  const listed = (label: string, o: Outcome) => (names(o).length ? `- ${label} (${names(o).length}): ${names(o).join(", ")}` : `- ${label}: none`);
  const tx = r.results.filter((x) => x.outcome === "assume-tx" && x.emulated !== "agree").map((x) => `\`${x.case.name}\` (${x.emulated})`);
  const skipped = r.results.filter((x) => x.outcome === "skipped").map((x) => `\`${x.case.name}\` (${x.note})`);
  return `# squawk conformance

How pg-schema's squawk-equivalent rules (\`docs.squawk\`) agree with squawk's own rule tests: each \`lint_ok\` /
\`lint_errors\` / \`fix_sql\` assertion of squawk's \`crates/squawk_linter/src/rules/*.rs\` test modules is linted
with our rule(s) standing for that squawk rule, at the test's PostgreSQL version (squawk's default: 15). A
\`lint_errors\` assertion with a snapshot also compares the number of violations per rule. squawk's SQL is read from
its repository at run time and is not copied here (squawk is GPL-3.0).

Generated by \`${COMMAND}\` against squawk commit \`${r.commit}\`.

${summaryTable(r)}

## Disagreements

${listed("we miss", "miss")}
${listed("we over-flag", "over-flag")}
${listed("count differs", "count-differs")}
${listed("our parser rejects the SQL", "parse-error")}
- \`assume_in_transaction\` assertions that disagree even wrapped in \`BEGIN … COMMIT\`${tx.length ? ` (${tx.length}): ${tx.join(", ")}` : ": none"}
- skipped (${skipped.length})${skipped.length ? `: ${skipped.join(", ")}` : ""}
- tests with no lint assertion (${r.noAssertion.length})${r.noAssertion.length ? `: ${r.noAssertion.map((n) => `\`${n}\``).join(", ")}` : ""}

## Lock levels

${lockSummary(r.locks, false)}

${REVIEW_MARKER}
${kept}`;
}

async function main(argv: readonly string[]): Promise<void> {
  const gitDir = argv.find((a) => !a.startsWith("--"));
  if (!gitDir) {
    process.stderr.write("usage: node --import tsx scripts/squawk-conformance.ts <squawk-git-dir> [--write] [--sql]\n");
    process.exitCode = 1;
    return;
  }
  const r = await conformance(gitDir);
  if (argv.includes("--write")) {
    const old = existsSync(DOC) ? readFileSync(DOC, "utf8") : "";
    const at = old.indexOf(REVIEW_MARKER);
    const kept = at >= 0 ? old.slice(at + REVIEW_MARKER.length).replace(/^\n/, "") : "";
    writeFileSync(DOC, page(r, kept));
    process.stderr.write(`wrote ${DOC}\n`);
    return;
  }
  process.stdout.write(`squawk commit ${r.commit}\n\n${summaryTable(r)}\n\n## Disagreements and skips\n\n${disagreements(r, argv.includes("--sql"))}\n\n## Lock levels\n\n${lockSummary(r.locks, true)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main(process.argv.slice(2));
