// Lints every corpus schema file (../shared/corpus/<name>/schema.sql, or PGSCHEMA_CORPUS) with every rule, as
// `pg-schema lint <file>` does (statement hooks, PostgreSQL 15 lock rules), then loads it (PGlite, or the server
// when PGlite cannot: PostGIS) and runs the schema rules on the catalog, as `pg-schema lint <file> --load` does, and
// writes both rule × schema tables of finding counts to docs/rules/corpus.md, keeping the hand-written review below
// its marker. `npm run lint:corpus` (`-- --stdout` prints instead; `-- --no-load` skips the schema rules).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { Catalog } from "../src/catalog/model.js";
import { activeRules } from "../src/lint/config.js";
import type { Finding } from "../src/lint/finding.js";
import { lintCatalog, lintMigration } from "../src/lint/lint.js";
import { RULE_LIST } from "../src/lint/rules/index.js";
import { loadParser } from "../src/sql/parser.js";
import { catalogFromSql } from "../src/sources/sql-files.js";
import { CORPUS_MISSING, corpusNames, corpusSql } from "../test/helpers/corpus.js";

export const COMMAND = "npm run lint:corpus";
const PG_VERSION = 150000;
/** The server a schema PGlite cannot load (PostGIS) is loaded on, in a temporary database. */
const SHADOW = process.env.PGSCHEMA_SHADOW_URL ?? process.env.PGSCHEMA_TEST_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
/** Everything after this line of docs/rules/corpus.md is written by hand and kept when the page is regenerated. */
export const REVIEW_MARKER = "<!-- hand-written review below: kept by npm run lint:corpus -->";

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

export interface CorpusCatalogLint {
  readonly name: string;
  /** `PGlite`, or `PostgreSQL (shadow)` when PGlite could not load the file; undefined when neither could. */
  readonly engine?: string;
  /** Why the schema could not be loaded anywhere. */
  readonly error?: string;
  readonly findings: readonly Finding[];
  readonly counts: ReadonlyMap<string, number>;
}

/**
 * One corpus schema file loaded into an engine and linted with every schema rule (`lintCatalog`), as
 * `pg-schema lint <file> --load` does: PGlite first, the server (`--shadow`) when PGlite lacks an extension.
 */
export async function lintCorpusCatalog(name: string): Promise<CorpusCatalogLint> {
  const script = corpusSql(name);
  let catalog: Catalog | undefined;
  let engine: string | undefined;
  const errors: string[] = [];
  for (const [label, options] of [["PGlite", {}], ["PostgreSQL (shadow)", { shadow: SHADOW }]] as const) {
    try {
      catalog = await catalogFromSql([script], options);
      engine = label;
      break;
    } catch (e) {
      errors.push(`${label}: ${(e as Error).message.split("\n")[0]}`);
    }
  }
  if (!catalog) return { name, error: errors.join("; "), findings: [], counts: new Map() };
  const findings = lintCatalog(catalog, { rules: activeRules(RULE_LIST, {}), pgVersion: PG_VERSION });
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  return { name, ...(engine ? { engine } : {}), findings, counts };
}

export async function lintCorpus(): Promise<CorpusLint[]> {
  if (CORPUS_MISSING) throw new Error(CORPUS_MISSING);
  const out: CorpusLint[] = [];
  for (const name of corpusNames()) out.push(await lintCorpusSchema(name));
  return out;
}

export async function lintCorpusCatalogs(): Promise<CorpusCatalogLint[]> {
  if (CORPUS_MISSING) throw new Error(CORPUS_MISSING);
  const out: CorpusCatalogLint[] = [];
  for (const name of corpusNames()) out.push(await lintCorpusCatalog(name));
  return out;
}

const cell = (n: number): string => (n === 0 ? "·" : String(n));
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const markdownTable = (header: readonly string[], rows: readonly (readonly string[])[]): string =>
  [header, header.map((_, i) => (i < 2 ? "---" : "---:")), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");

/** The schema-rule table: one row per rule with a schema hook, one column per loaded schema. */
function catalogMarkdown(results: readonly CorpusCatalogLint[]): string {
  const loaded = results.filter((r) => r.engine);
  const schemaRules = RULE_LIST.filter((r) => r.schema);
  const rows: string[][] = schemaRules.map((rule) => {
    const counts = loaded.map((r) => r.counts.get(rule.id) ?? 0);
    return [`[${rule.id}](${rule.id}.md)`, rule.severity, ...counts.map(cell), String(sum(counts))];
  });
  const totals = loaded.map((r) => r.findings.length);
  rows.push(["**total**", "", ...totals.map((n) => `**${n}**`), `**${sum(totals)}**`]);
  const firing = loaded.map((r) => schemaRules.filter((rule) => r.counts.has(rule.id)).length);
  rows.push(["rules that fired", "", ...firing.map(String), String(schemaRules.filter((rule) => loaded.some((r) => r.counts.has(rule.id))).length)]);
  const engines = loaded.map((r) => `${r.name}: ${r.engine}`).join(", ");
  const failed = results.filter((r) => !r.engine).map((r) => `${r.name} (${r.error})`);
  return `## Schema rules: the loaded schema

Each file loaded into an engine (${engines}) and the catalog read back, then every rule's schema check run on it,
as \`pg-schema lint <file> --load\` does. These counts are of the final schema (what the file leaves behind, each
object once), not of the statements: a rule with both hooks appears in both tables, counted in each scope. Rules
without a schema check are not listed here.${failed.length ? ` Not loaded: ${failed.join("; ")}.` : ""}

${markdownTable(["rule", "severity", ...loaded.map((r) => r.name), "total"], rows)}
`;
}

/** The Markdown page: the statement-rule table, the schema-rule table (when loaded), then the kept review. */
export function corpusMarkdown(results: readonly CorpusLint[], catalogs: readonly CorpusCatalogLint[] = [], review = ""): string {
  const header = ["rule", "severity", ...results.map((r) => r.name), "total"];
  const rows: string[][] = [];
  const statementRules = RULE_LIST.filter((r) => r.statement);
  const schemaOnly = RULE_LIST.filter((r) => !r.statement);
  for (const rule of statementRules) {
    const counts = results.map((r) => r.counts.get(rule.id) ?? 0);
    rows.push([`[${rule.id}](${rule.id}.md)`, rule.severity, ...counts.map(cell), String(sum(counts))]);
  }
  const syntax = results.map((r) => r.counts.get("syntax-error") ?? 0);
  rows.push(["syntax-error", "error", ...syntax.map(cell), String(sum(syntax))]);
  const totals = results.map((r) => r.findings.length);
  rows.push(["**total**", "", ...totals.map((n) => `**${n}**`), `**${sum(totals)}**`]);
  const firing = results.map((r) => statementRules.filter((rule) => r.counts.has(rule.id)).length);
  rows.push(["rules that fired", "", ...firing.map(String), String(statementRules.filter((rule) => results.some((r) => r.counts.has(rule.id))).length)]);
  const sizes = results.map((r) => `${r.name} ${Math.round(r.bytes / 1024)} KB`).join(", ");
  const schemaOnlyNote = schemaOnly.length
    ? catalogs.length
      ? `; the ${schemaOnly.length} schema-only rules are counted in the second table`
      : `; ${schemaOnly.length} schema-only rules need a loaded schema and did not run (${schemaOnly.map((r) => `[${r.id}](${r.id}.md)`).join(", ")})`
    : "";
  return `# Lint rules on the corpus

Every corpus schema file (\`shared/corpus/<name>/schema.sql\`: ${sizes}) linted twice: as a migration (first table)
and, loaded, as a schema (second table).

Produced by \`${COMMAND}\` (\`scripts/lint-corpus.ts\`); run it again after adding a rule. \`·\` is zero.

## Statement rules: the file as a migration

Each statement in order with every rule's statement hook at its default severity, PostgreSQL 15 lock rules, as
\`pg-schema lint <file>\` does. These files are schema dumps, not migrations, so migration rules fire on every
\`ALTER TABLE\` of a dump (\`require-lock-timeout\`, \`prefer-robust-stmts\`, …); the counts show how loud each rule is
on real DDL, and which never fire. ${statementRules.length} statement rules ran${schemaOnlyNote}.

${markdownTable(header, rows)}
${catalogs.length ? `\n${catalogMarkdown(catalogs)}` : ""}
${REVIEW_MARKER}
${review.replace(/^\n+/, "\n")}`;
}

/** The hand-written part of the page: whatever follows the marker (empty when there is none yet). */
export function keptReview(page: string): string {
  const at = page.indexOf(REVIEW_MARKER);
  return at === -1 ? "" : page.slice(at + REVIEW_MARKER.length);
}

async function main(): Promise<void> {
  if (CORPUS_MISSING) {
    console.error(CORPUS_MISSING);
    process.exit(1);
  }
  const started = performance.now();
  const results = await lintCorpus();
  const catalogs = process.argv.includes("--no-load") ? [] : await lintCorpusCatalogs();
  const target = new URL("../docs/rules/corpus.md", import.meta.url);
  const review = existsSync(target) ? keptReview(readFileSync(target, "utf8")) : "";
  const page = corpusMarkdown(results, catalogs, review);
  if (process.argv.includes("--stdout")) process.stdout.write(page);
  else {
    writeFileSync(target, page);
    console.log(`wrote ${target.pathname}`);
  }
  for (const r of results) {
    const c = catalogs.find((x) => x.name === r.name);
    const loaded = c ? (c.engine ? `  ${String(c.findings.length).padStart(6)} schema findings (${c.engine})` : `  not loaded: ${c.error}`) : "";
    console.log(`${r.name.padEnd(16)} ${String(r.findings.length).padStart(6)} findings  ${[...r.counts.keys()].length} rules${loaded}`);
  }
  console.log(`${results.length} schemas in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
