/**
 * One in-process `pg-schema lint <file>`, phase by phase, for bench/lint.bench.ts (JSON on stdout). Plain Node, as
 * the CLI runs. The CLI's bin is a bundle (scripts/build-cli.mjs) whose lint command is one chunk: importing that
 * chunk is the first phase; the phases after it call the same code through tsc's dist/ modules, which export its
 * parts (imported untimed).
 *
 *   npm run build && node bench/lint-phases.mjs <file.sql>
 */
import { readdirSync, readFileSync } from "node:fs";

const file = process.argv[2];
if (!file) throw new Error("usage: lint-phases.mjs <file.sql>");
const dist = new URL("../dist/", import.meta.url);
const chunks = new URL("cli/chunks/", dist);
const lintChunk = readdirSync(chunks).find((n) => /^lint-[A-Z0-9]+\.js$/.test(n));
if (!lintChunk) throw new Error(`no lint chunk in ${chunks.pathname}: run \`npm run build\``);

const t0 = performance.now();
await import(new URL(lintChunk, chunks).href);
const t1 = performance.now();
const { activeRules } = await import(new URL("lint/config.js", dist).href);
const { lintMigration } = await import(new URL("lint/lint.js", dist).href);
const { parseMigration } = await import(new URL("lint/statements.js", dist).href);
const { lintToJson } = await import(new URL("report/lint-json.js", dist).href);
const { loadParser } = await import(new URL("sql/parser.js", dist).href);
const { RULE_LIST } = await import(new URL("lint/rules/index.js", dist).href);
const t2 = performance.now();
const parser = await loadParser();
const t3 = performance.now();
const text = readFileSync(file, "utf8");
const statements = parseMigration(parser, file, text).statements.length;
const t4 = performance.now();
lintMigration(parser, file, text, { rules: [], pgVersion: 150000 });
const t5 = performance.now();
/** Each statement hook wrapped to add up the time spent in it. */
const spent = new Map();
const timed = activeRules(RULE_LIST, {}).map((a) => {
  const hook = a.rule.statement;
  if (!hook) return a;
  const statement = (...args) => {
    const t = performance.now();
    try {
      return hook(...args);
    } finally {
      spent.set(a.rule.id, (spent.get(a.rule.id) ?? 0) + performance.now() - t);
    }
  };
  return { ...a, rule: { ...a.rule, statement } };
});
const t6 = performance.now();
const result = lintMigration(parser, file, text, { rules: timed, pgVersion: 150000 });
const t7 = performance.now();
lintToJson(result.findings, result.locks);
const t8 = performance.now();
const slowest = [...spent].sort((a, b) => b[1] - a[1]).slice(0, 3);
process.stdout.write(
  `${JSON.stringify({ statements, importMs: t1 - t0, parserMs: t3 - t2, parseMs: t4 - t3, noRulesMs: t5 - t4, rulesMs: t7 - t6 - (t5 - t4), slowest, reportMs: t8 - t7 })}\n`,
);
