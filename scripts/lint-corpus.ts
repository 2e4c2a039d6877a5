// Lints every corpus schema file (../shared/corpus/<name>/schema.sql, or PGSCHEMA_CORPUS) with every rule, as
// `pg-schema lint <file>` does (statement hooks, PostgreSQL 15 lock rules, no --load), and writes the rule × schema
// table of finding counts to docs/rules/corpus.md. `npm run lint:corpus` (`-- --stdout` prints instead).
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { activeRules } from "../src/lint/config.js";
import type { Finding } from "../src/lint/finding.js";
import { lintMigration } from "../src/lint/lint.js";
import { RULE_LIST } from "../src/lint/rules/index.js";
import { loadParser } from "../src/sql/parser.js";
import { CORPUS_MISSING, corpusNames, corpusSql } from "../test/helpers/corpus.js";

export const COMMAND = "npm run lint:corpus";
const PG_VERSION = 150000;

export interface CorpusLint {
  readonly name: string;
  /** `corpus/<name>/schema.sql` */
  readonly file: string;
  readonly bytes: number;
  readonly findings: readonly Finding[];
  /** Findings per rule id. */
  readonly counts: ReadonlyMap<string, number>;
}

/** One corpus schema file linted with every rule at its default severity. */
export async function lintCorpusSchema(name: string): Promise<CorpusLint> {
  const parser = await loadParser();
  const { name: file, text } = corpusSql(name);
  const { findings } = lintMigration(parser, file, text, { rules: activeRules(RULE_LIST, {}), pgVersion: PG_VERSION });
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  return { name, file, bytes: Buffer.byteLength(text, "utf8"), findings, counts };
}

export async function lintCorpus(): Promise<CorpusLint[]> {
  if (CORPUS_MISSING) throw new Error(CORPUS_MISSING);
  const out: CorpusLint[] = [];
  for (const name of corpusNames()) out.push(await lintCorpusSchema(name));
  return out;
}

/** The Markdown page: one row per rule, one column per schema, totals both ways. */
export function corpusMarkdown(results: readonly CorpusLint[]): string {
  const cell = (n: number): string => (n === 0 ? "·" : String(n));
  const header = ["rule", "severity", ...results.map((r) => r.name), "total"];
  const rows: string[][] = [];
  const statementRules = RULE_LIST.filter((r) => r.statement);
  const schemaOnly = RULE_LIST.filter((r) => !r.statement);
  for (const rule of statementRules) {
    const counts = results.map((r) => r.counts.get(rule.id) ?? 0);
    rows.push([`[${rule.id}](${rule.id}.md)`, rule.severity, ...counts.map(cell), String(counts.reduce((a, b) => a + b, 0))]);
  }
  const syntax = results.map((r) => r.counts.get("syntax-error") ?? 0);
  rows.push(["syntax-error", "error", ...syntax.map(cell), String(syntax.reduce((a, b) => a + b, 0))]);
  const totals = results.map((r) => r.findings.length);
  rows.push(["**total**", "", ...totals.map((n) => `**${n}**`), `**${totals.reduce((a, b) => a + b, 0)}**`]);
  const firing = results.map((r) => statementRules.filter((rule) => r.counts.has(rule.id)).length);
  rows.push(["rules that fired", "", ...firing.map(String), String(statementRules.filter((rule) => results.some((r) => r.counts.has(rule.id))).length)]);
  const table = [header, header.map((_, i) => (i < 2 ? "---" : "---:")), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
  const sizes = results.map((r) => `${r.name} ${Math.round(r.bytes / 1024)} KB`).join(", ");
  return `# Lint rules on the corpus

Every corpus schema file (\`shared/corpus/<name>/schema.sql\`: ${sizes}) linted as a migration, as
\`pg-schema lint <file>\` does: each statement in order with every rule's statement hook at its default severity,
PostgreSQL 15 lock rules, no \`--load\`. These files are schema dumps, not migrations, so migration rules fire on
every \`ALTER TABLE\` of a dump (\`require-lock-timeout\`, \`prefer-robust-stmts\`, …); the counts show how loud each
rule is on real DDL, and which never fire. \`·\` is zero.

${statementRules.length} statement rules ran${schemaOnly.length ? `; ${schemaOnly.length} schema-only rules need a loaded schema and did not (${schemaOnly.map((r) => `[${r.id}](${r.id}.md)`).join(", ")})` : ""}.

Produced by \`${COMMAND}\` (\`scripts/lint-corpus.ts\`); run it again after adding a rule.

${table}
`;
}

async function main(): Promise<void> {
  if (CORPUS_MISSING) {
    console.error(CORPUS_MISSING);
    process.exit(1);
  }
  const started = performance.now();
  const results = await lintCorpus();
  const page = corpusMarkdown(results);
  if (process.argv.includes("--stdout")) process.stdout.write(page);
  else {
    const target = new URL("../docs/rules/corpus.md", import.meta.url);
    writeFileSync(target, page);
    console.log(`wrote ${target.pathname}`);
  }
  for (const r of results) console.log(`${r.name.padEnd(16)} ${String(r.findings.length).padStart(6)} findings  ${[...r.counts.keys()].length} rules`);
  console.log(`${results.length} schemas in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
