/**
 * `npm run bench:lint`: whole-process `pg-schema lint <file> --format json` on each corpus schema file, side by side
 * in one run with squawk (squawk-cli from npm, installed pinned into a scratch folder outside the repository), both
 * through its npm shim (`node_modules/.bin/squawk`: Node starts, then spawns the native binary) and its native binary
 * run directly. Wall time from outside the process and peak RSS of the whole process (`/usr/bin/time -f %M`), the
 * number of findings each reported and the number of rules each ran. Then, to say where our time goes: floors (Node
 * alone, the CLI's entry, the lint command's modules, the parser's WebAssembly on an empty file) and one in-process
 * run per file split into parse, rules and report.
 * Prints Markdown; `--write` also puts it into docs/benchmarks.md between the bench:lint markers.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { SQUAWK_RULES } from "../scripts/rule-docs.js";
import { CLI, CORPUS, ROOT } from "./corpus-db.js";
import { type Measurement, measureInterleaved, type RunOptions } from "./measure.js";

const SQUAWK = "squawk-cli@2.66.0";

const { values } = parseArgs({
  options: {
    runs: { type: "string" },
    schemas: { type: "string" },
    peers: { type: "string" },
    write: { type: "boolean" },
    // Accepted and ignored: `npm run bench` passes the same arguments to every bench.
    pair: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
  allowPositionals: true,
});

if (values.help) {
  process.stdout.write(`usage: npm run bench:lint -- [--runs N] [--schemas a,b] [--peers dir] [--write]
  --runs N        timed runs per command after one warm-up; the table shows the median (default 5)
  --schemas a,b   corpus schemas to lint (default: every corpus/<name>/schema.sql)
  --peers dir     where ${SQUAWK} is installed (default $TMPDIR/pg-schema-bench-peers; outside the repository)
  --write         also put the results into docs/benchmarks.md between the bench:lint markers
environment: PGSCHEMA_CORPUS (default ../shared/corpus)
`);
  process.exit(0);
}

const runs = Number(values.runs ?? 5);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs ${values.runs}: expected a positive integer`);
if (!existsSync(CORPUS)) throw new Error(`corpus not found at ${CORPUS} (set PGSCHEMA_CORPUS)`);
if (!existsSync(CLI)) throw new Error("dist/ is missing: run `npm run build` first");
const schemas = values.schemas
  ? values.schemas.split(",")
  : execFileSync("ls", [CORPUS], { encoding: "utf8" }).split("\n").filter((n) => n && existsSync(join(CORPUS, n, "schema.sql")));
const peers = values.peers ?? join(tmpdir(), "pg-schema-bench-peers");
const scratch = join(tmpdir(), `pg-schema-bench-lint-${process.pid}`);
mkdirSync(scratch, { recursive: true });
const log = (m: string): void => void process.stderr.write(`${m}\n`);

// ---------------------------------------------------------------------------------------------------------------
// squawk, pinned, in a scratch folder outside the repository; its native binary ships in a per-platform package.

function installedVersion(pkg: string): string | undefined {
  const file = join(peers, "node_modules", pkg, "package.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version : undefined;
}

const squawkVersion = SQUAWK.slice(SQUAWK.lastIndexOf("@") + 1);
if (installedVersion("squawk-cli") !== squawkVersion) {
  mkdirSync(peers, { recursive: true });
  if (!existsSync(join(peers, "package.json"))) writeFileSync(join(peers, "package.json"), `${JSON.stringify({ name: "pg-schema-bench-peers", private: true }, null, 2)}\n`);
  log(`installing ${SQUAWK} into ${peers}…`);
  execFileSync("npm", ["install", "--save-exact", "--no-audit", "--no-fund", SQUAWK], { cwd: peers, stdio: ["ignore", "ignore", "inherit"] });
}
const squawkShim = join(peers, "node_modules/.bin/squawk");
const squawkNative = join(peers, `node_modules/@squawk-cli/${process.platform}-${process.arch}/bin/squawk`);
if (!existsSync(squawkNative)) throw new Error(`squawk's native binary is missing at ${squawkNative}`);

// ---------------------------------------------------------------------------------------------------------------
// The rules each runs on a file.

/** Ours: the rules with a statement hook (a file without --load runs only those), from the built registry. */
const ours = (await import(`${ROOT}dist/lint/rules/index.js`)) as { RULE_LIST: readonly { id: string; statement?: unknown; schema?: unknown }[] };
const ourStatementRules = ours.RULE_LIST.filter((r) => r.statement).length;
const ourSchemaOnly = ours.RULE_LIST.length - ourStatementRules;

/**
 * squawk's: the names of scripts/rule-docs.ts's list that this squawk accepts (`--exclude=<name>` exits 2 on an
 * unknown rule), less its opt-in rules: those it reports with `--include` of every rule but never by default, on the
 * corpus files and a probe that trips the rules the corpus does not.
 */
function squawkRules(files: readonly string[]): { known: string[]; optIn: string[]; ran: number } {
  const empty = join(scratch, "empty.sql");
  writeFileSync(empty, "SELECT 1;\n");
  const known = SQUAWK_RULES.filter((r) => spawnSync(squawkNative, [`--exclude=${r}`, empty], { stdio: "ignore" }).status !== 2);
  const probe = join(scratch, "probe.sql");
  writeFileSync(
    probe,
    `BEGIN;
CREATE INDEX CONCURRENTLY i1 ON t (a);
ALTER DOMAIN d ADD CONSTRAINT c CHECK (VALUE > 0);
DROP DATABASE x;
UPDATE t SET a = 1, a = 2;
TRUNCATE t CASCADE;
ALTER TABLE p DETACH PARTITION c;
REINDEX TABLE t;
BEGIN;
COMMIT;
BEGIN;
CREATE TABLE u (id int);
`,
  );
  const reported = (extra: string[]): Set<string> => {
    const r = spawnSync(squawkNative, ["--reporter", "json", ...extra, probe, ...files], { encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
    return new Set((JSON.parse(r.stdout) as { rule_name: string }[]).map((v) => v.rule_name));
  };
  const byDefault = reported([]);
  const withAll = reported([`--include=${known.join(",")}`]);
  const optIn = [...withAll].filter((r) => !byDefault.has(r) && (known as readonly string[]).includes(r)).sort();
  return { known, optIn, ran: known.length - optIn.length };
}

// ---------------------------------------------------------------------------------------------------------------
// The runs.

interface Row {
  name: string;
  kb: number;
  statements: number;
  ours: Measurement;
  shim: Measurement;
  native: Measurement;
  ourFindings: number;
  ourRulesFired: number;
  squawkFindings: number;
  squawkRulesFired: number;
  phases: Phases;
}

const files = schemas.map((name) => ({ name, path: join(CORPUS, name, "schema.sql") }));
const loadBefore = loadavg();
const squawk = squawkRules(files.map((f) => f.path));
log(`squawk ${squawkVersion}: ${squawk.known.length} rules known, opt-in ${squawk.optIn.join(", ") || "none"}; ours: ${ourStatementRules} statement rules`);

const oursCommand = (file: string): string[] => [process.execPath, CLI, "lint", file, "--format", "json"];
const shimCommand = (file: string): string[] => [squawkShim, "--reporter", "json", file];
const nativeCommand = (file: string): string[] => [squawkNative, "--reporter", "json", file];
const OK_OURS: RunOptions = { okExit: [0, 2] };
const OK_SQUAWK: RunOptions = { okExit: [0, 1] };

function output(command: string[], ok: readonly number[]): string {
  const r = spawnSync(command[0]!, command.slice(1), { encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
  if (!ok.includes(r.status ?? -1)) throw new Error(`${command.join(" ")} failed (${r.status}):\n${r.stderr.slice(-2000)}`);
  return r.stdout;
}

// Floors: what any lint run pays before the file matters.
const emptyFile = join(scratch, "empty.sql");
writeFileSync(emptyFile, "");
log("floors…");
const [nodeFloor, entryFloor, helpFloor, emptyFloor, shimEmpty, nativeEmpty] = measureInterleaved(
  [
    [process.execPath, "-e", "0"],
    [process.execPath, CLI, "--version"],
    [process.execPath, CLI, "lint", "--help"],
    oursCommand(emptyFile),
    shimCommand(emptyFile),
    nativeCommand(emptyFile),
  ],
  runs,
  [{}, {}, {}, OK_OURS, OK_SQUAWK, OK_SQUAWK],
);

const rows: Row[] = [];
for (const { name, path } of files) {
  log(`${name}…`);
  // The runs that keep the output (findings) are the warm-ups.
  const ourReport = JSON.parse(output(oursCommand(path), [0, 2])) as { findings: { rule: string }[] };
  const squawkReport = JSON.parse(output(nativeCommand(path), [0, 1])) as { rule_name: string }[];
  output(shimCommand(path), [0, 1]);
  const [o, s, n] = measureInterleaved([oursCommand(path), shimCommand(path), nativeCommand(path)], runs, [OK_OURS, OK_SQUAWK, OK_SQUAWK], { warmup: false });
  // Plain Node, as the CLI runs (not under tsx's loader, which slows every import).
  const phases = JSON.parse(output([process.execPath, new URL("lint-phases.mjs", import.meta.url).pathname, path], [0])) as Phases;
  rows.push({
    name,
    kb: Math.round(Buffer.byteLength(readFileSync(path)) / 1024),
    statements: phases.statements,
    ours: o!,
    shim: s!,
    native: n!,
    ourFindings: ourReport.findings.length,
    ourRulesFired: new Set(ourReport.findings.map((f) => f.rule)).size,
    squawkFindings: squawkReport.length,
    squawkRulesFired: new Set(squawkReport.map((v) => v.rule_name)).size,
    phases,
  });
}
const loadAfter = loadavg();

// ---------------------------------------------------------------------------------------------------------------
// In-process phases of one lint: bench/lint-phases.mjs.

interface Phases {
  statements: number;
  /** Importing the lint command as the CLI does: its chunk of the bundle (rules, lint core, reporters). */
  importMs: number;
  /** libpg-query's module and its WebAssembly. */
  parserMs: number;
  /** The first parse of the file (cold WebAssembly), then lintMigration with no rule (a warm parse, locks, state). */
  parseMs: number;
  noRulesMs: number;
  /** lintMigration with every rule, less the no-rule run; and the time inside each rule's hook, slowest first. */
  rulesMs: number;
  slowest: [string, number][];
  reportMs: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Report.

const s2 = (s: number): string => `${s.toFixed(2)} s`;
const ms = (m: number): string => `${Math.round(m)} ms`;
const cell = (m: Measurement): string => `${s2(m.seconds)} / ${Math.round(m.rssMb)} MB`;
const ruleRatio = ourStatementRules / squawk.ran;
const lines: string[] = [];
lines.push(
  `${cpus().length} cores (${cpus()[0]?.model.trim() ?? "?"}); Node ${process.version}; squawk-cli ${squawkVersion} (${process.platform}-${process.arch} binary).`,
  `Timed: \`node dist/cli/main.js lint <file> --format json\`; squawk's npm shim \`node_modules/.bin/squawk --reporter json <file>\`;`,
  `its native binary \`node_modules/@squawk-cli/${process.platform}-${process.arch}/bin/squawk --reporter json <file>\`. A new process per run, wall`,
  `time from outside; median of ${runs} runs after one warm-up (the warm-up keeps the output: the findings), the three`,
  "commands taking turns run by run; peak RSS of the whole process (`/usr/bin/time -f %M`), maximum over the runs.",
  `1-minute load average ${loadBefore[0]!.toFixed(2)} before (5-minute ${loadBefore[1]!.toFixed(2)}), ${loadAfter[0]!.toFixed(2)} after (5-minute ${loadAfter[1]!.toFixed(2)}).`,
  "",
  `Rules run on a file: ours **${ourStatementRules}** (every rule with a statement hook; ${ourSchemaOnly} schema-only rules need \`--load\` or a`,
  `database and do not run on a file); squawk **${squawk.ran}** (${squawk.known.length} rules it accepts${squawk.optIn.length ? `, less the opt-in ${squawk.optIn.map((r) => `\`${r}\``).join(", ")}` : ""}):`,
  `${ruleRatio.toFixed(2)} × its rules.`,
  "",
  "| schema | size | statements | ours | squawk, npm shim | squawk, native | ours ÷ shim | findings: ours / squawk | rules that fired: ours / squawk | target |",
  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
);
for (const r of rows) {
  const ratio = r.ours.seconds / r.shim.seconds;
  lines.push(
    `| ${r.name} | ${r.kb} KB | ${r.statements} | ${cell(r.ours)} | ${cell(r.shim)} | ${cell(r.native)} | ${ratio.toFixed(1)} × | ${r.ourFindings} / ${r.squawkFindings} | ${r.ourRulesFired} / ${r.squawkRulesFired} | ${ratio <= 1 && ruleRatio >= 3 ? "met" : "**missed**"} |`,
  );
}
lines.push(
  "",
  `Floors (median of ${runs}): Node alone (\`node -e 0\`) ${cell(nodeFloor!)}; the CLI's entry (\`--version\`) ${cell(entryFloor!)};`,
  `\`lint --help\` (the lint command's modules: rules, reporters, config) ${cell(helpFloor!)}; \`lint\` of an empty file`,
  `(plus the parser's WebAssembly) ${cell(emptyFloor!)}. squawk on the empty file: shim ${cell(shimEmpty!)}, native ${cell(nativeEmpty!)}.`,
  "",
  "Where our time goes: one in-process lint per file (a separate process each; the lint command's chunk of the CLI bundle imported as the CLI does, then the phases through dist/ modules):",
  "",
  "| schema | import the lint command | load the parser (WASM) | first parse | lint, no rule (warm parse, locks) | rules | slowest rules (time in the hook) | JSON report | whole process (median above) |",
  "|---|---:|---:|---:|---:|---:|---|---:|---:|",
  ...rows.map(
    (r) =>
      `| ${r.name} | ${ms(r.phases.importMs)} | ${ms(r.phases.parserMs)} | ${ms(r.phases.parseMs)} | ${ms(r.phases.noRulesMs)} | ${ms(r.phases.rulesMs)} | ${r.phases.slowest.map(([id, t]) => `${id} ${ms(t)}`).join(", ")} | ${ms(r.phases.reportMs)} | ${s2(r.ours.seconds)} |`,
  ),
);

const report = lines.join("\n");
process.stdout.write(`\n${report}\n`);

if (values.write) {
  const file = join(ROOT, "docs/benchmarks.md");
  const begin = "<!-- bench:lint:begin -->";
  const end = "<!-- bench:lint:end -->";
  let text = readFileSync(file, "utf8");
  if (!text.includes(begin) || !text.includes(end)) text = `${text.trimEnd()}\n\n## \`pg-schema lint\`\n\n${begin}\n${end}\n`;
  const command = ["npm run bench:lint --", ...process.argv.slice(2)].join(" ");
  const stamped = `${begin}\nMeasured ${new Date().toISOString().slice(0, 10)} with \`${command}\`.\n\n${report}\n${end}`;
  writeFileSync(file, text.replace(new RegExp(`${begin}[\\s\\S]*${end}`), () => stamped));
  log(`wrote ${file}`);
}
