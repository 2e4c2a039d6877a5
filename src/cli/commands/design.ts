import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { designFromSpec } from "../../design/build-design.js";
import { runDesign } from "../../design/prove-design.js";
import { parseSpec } from "../../design/spec/parse-spec.js";
import { designToHtml } from "../../report/design-html.js";
import { designToJson } from "../../report/design-json.js";
import { designToMarkdown } from "../../report/design-markdown.js";
import { downSql, upSql, verifySql } from "../../report/design-sections.js";
import { erMermaid } from "../../report/er-mermaid.js";
import { summarizePlan } from "../../report/plan-summary.js";
import { proofFailureText } from "../../report/proof-text.js";
import { loadCatalog } from "../../sources/source.js";
import { type CliIo, EXIT, type ExitCode, UsageError } from "../io.js";

export const designHelp = `Usage: pg-schema design <spec.yaml|spec.json> [options]

Turns a domain spec (entities, relationships, access patterns, scale, tenancy; see docs/design-spec.md) into a
schema by named rules, proves it on PostgreSQL, and prints a report in six parts: (1) the DDL, (2) the migration UP
and DOWN, (3) index recommendations with their reasons, (4) constraints and why, (5) breaking changes, (6)
verification queries. Nothing is printed unless the proof holds: the DDL loads; sample rows insert; every CHECK,
UNIQUE, FOREIGN KEY, EXCLUDE and NOT NULL rejects a row that breaks it; updated_at triggers fire; RLS hides other
tenants' rows; each access pattern's query uses its index; the migration converges, passes the verification
queries right after UP, and DOWN restores the start.

Options:
  --from <source>           evolve this schema (postgres:// URL, .sql file or folder, .json snapshot) instead of
                            starting from an empty database; the migration is the plan from it to the design
  --format <md|json|sql|html>
                            md: the report in Markdown (default); json: everything as data;
                            sql: the files schema.sql, up.sql, down.sql, verify.sql (into --output <folder>, or
                            all on stdout separated by "-- file:" lines); html: one self-contained page with the
                            ER diagram (no network requests)
  --json                    same as --format json
  --shadow <url>            run the proof on temporary databases on this server instead of embedded PGlite
                            (e.g. for PostGIS); they are always dropped
  --rows <n>                sample rows per table for the proof (default 60)
  --date <YYYY-MM-DD>       the design's date: time partitions start at its period (default today)
  --allow-data-loss         with --from: exit 2 instead of 3 when the migration loses data
  -o, --output <path>       write the report to a file (a folder for --format sql)
  -q, --quiet               no progress on stderr
  -h, --help                this help

Exit codes: 0 a proven design (and, with --from, no changes); 1 error (bad spec, with file, line and column;
failed proof; nothing is written); 2 with --from, a migration to apply; 3 with --from, a migration that loses data
and no --allow-data-loss (the report is still written).
`;

const OPTIONS = {
  from: { type: "string" },
  format: { type: "string" },
  json: { type: "boolean" },
  shadow: { type: "string" },
  rows: { type: "string" },
  date: { type: "string" },
  "allow-data-loss": { type: "boolean" },
  output: { type: "string", short: "o" },
  quiet: { type: "boolean", short: "q" },
  help: { type: "boolean", short: "h" },
} as const;

const FORMATS = ["md", "json", "sql", "html"] as const;

export async function designCommand(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true });
  if (values.help) {
    io.stdout(designHelp);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "design needs a spec file" : `one spec file, not ${positionals.length}`, "design");
  const format = values.json ? "json" : (values.format ?? "md");
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown --format ${format}: expected ${FORMATS.join(", ")}`, "design");
  const rows = values.rows === undefined ? undefined : Number(values.rows);
  if (rows !== undefined && !(Number.isInteger(rows) && rows >= 2 && rows <= 100_000)) throw new UsageError(`--rows ${values.rows}: expected a whole number from 2 to 100000`, "design");
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new UsageError(`--date ${values.date}: expected YYYY-MM-DD`, "design");
  // The proof's step-by-step lines are left out: a design's migration has a step per object.
  const progress = values.quiet ? undefined : (m: string) => (/^proof: (UP|DOWN) step /.test(m) ? undefined : io.stderr(`${m}…\n`));
  const started = Date.now();

  const file = positionals[0]!;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}`, "design");
  }
  const design = designFromSpec(parseSpec(text, file), values.date ? { today: new Date(`${values.date}T00:00:00Z`) } : {});
  const shadow = values.shadow ?? (values.from && /^postgres(ql)?:\/\//.test(values.from) ? values.from : undefined);
  const from = values.from === undefined ? undefined : await loadCatalog(values.from, { ...(shadow ? { shadow } : {}), ...(progress ? { progress: (m: string) => progress(`from: ${m}`) } : {}) });
  const run = await runDesign(design, {
    ...(from ? { from } : {}),
    ...(shadow ? { shadow } : {}),
    ...(rows !== undefined ? { rows } : {}),
    ...(progress ? { progress } : {}),
  });
  if (!run.proof.ok) {
    for (const c of run.proof.checks.filter((x) => !x.ok)) io.stderr(`proof failed: ${c.kind}: ${c.name}${c.detail ? `: ${c.detail}` : ""}\n`);
    if (!run.proof.plan.ok) io.stderr(proofFailureText(run.proof.plan));
    io.stderr("No report written: the design failed its proof.\n");
    return EXIT.error;
  }

  if (format === "sql") {
    const files: [string, string][] = [["schema.sql", run.ddl], ["up.sql", upSql(run)], ["down.sql", downSql(run)], ["verify.sql", verifySql(run)]];
    if (values.output) for (const [name, content] of files) io.writeFile(join(values.output, name), content);
    else io.stdout(files.map(([name, content]) => `-- file: ${name}\n${content}`).join("\n"));
  } else {
    const output =
      format === "json" ? designToJson(run) : format === "html" ? await designToHtml(run) : designToMarkdown(run, { mermaid: erMermaid(run.catalog) });
    if (values.output) io.writeFile(values.output, output);
    else io.stdout(output);
  }

  const summary = summarizePlan(run.plan);
  const checks = run.proof.checks.length + run.proof.plan.checks.length;
  if (progress) io.stderr(`${design.tables.length} tables, ${design.indexes.length} indexes, ${design.decisions.length} decisions; proven (${checks} checks) in ${((Date.now() - started) / 1000).toFixed(2)} s\n`);
  if (from === undefined) return EXIT.ok;
  if (summary.dataLoss && !values["allow-data-loss"]) {
    io.stderr("error: the migration loses data (hazard data-loss); review it and rerun with --allow-data-loss\n");
    return EXIT.unsafe;
  }
  return summary.withSql > 0 ? EXIT.findings : EXIT.ok;
}
