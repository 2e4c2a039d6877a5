/**
 * `npm run bench:design`: `pg-schema design <spec> -q` from cold start to the finished, proven Markdown report, on
 * generated specs of 50 and 200 entities (bench/design-spec-generator.ts, seeded). Each run is a new process of the
 * built CLI, timed from outside, with its peak RSS from `/usr/bin/time -f %M`; the proof runs on embedded PGlite (the
 * default) and with `--shadow` on the local server. Before the timed runs, one run per size and engine with progress
 * on (it is also the warm-up) has its stderr lines timestamped as they arrive, to say where the time goes. Two floors
 * are timed too: `pg-schema design --help` (Node start and the CLI's modules) and one PGlite start in a new process
 * (data directory from the cache, as the CLI starts it).
 * Prints Markdown; `--write` also puts it into docs/benchmarks.md between the bench:design markers.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { serverVersion, CLI, ROOT, SERVER_URL } from "./corpus-db.js";
import { generateSpec, specStats, specYaml, type SpecStats } from "./design-spec-generator.js";
import { type Measurement, measureInterleaved } from "./measure.js";

const { values } = parseArgs({
  options: {
    runs: { type: "string" },
    sizes: { type: "string" },
    seed: { type: "string" },
    "skip-shadow": { type: "boolean" },
    "skip-pglite": { type: "boolean" },
    write: { type: "boolean" },
    help: { type: "boolean", short: "h" },
    // The other benches' options: `npm run bench` passes every bench the same arguments. Ignored here.
    schemas: { type: "string" },
    pair: { type: "string" },
  },
});

if (values.help) {
  process.stdout.write(`usage: npm run bench:design -- [--runs N] [--sizes 50,200] [--seed S] [--skip-shadow] [--skip-pglite] [--write]
  --runs N        timed runs per size and engine after the timestamped warm-up run; median and min (default 3)
  --sizes a,b     entity counts of the generated specs (default 50,200)
  --seed S        the generator's seed (default 1)
  --skip-shadow   do not run the proof on the server (--shadow)
  --skip-pglite   do not run the proof on embedded PGlite (the default engine)
  --write         also put the results into docs/benchmarks.md between the bench:design markers
environment: PGSCHEMA_TEST_URL (server for --shadow, default postgres://postgres@127.0.0.1:5432/postgres)
`);
  process.exit(0);
}

const runs = Number(values.runs ?? 3);
const sizes = (values.sizes ?? "50,200").split(",").map(Number);
const seed = Number(values.seed ?? 1);
const serverUrl = SERVER_URL;
const root = ROOT;
const cli = CLI;
const TIME = "/usr/bin/time";
/** The issue's targets, cold start to finished proven report. */
const TARGETS: Record<number, number> = { 50: 2, 200: 5 };

if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs ${values.runs}: expected a positive integer`);
if (sizes.some((n) => !Number.isInteger(n) || n < 2)) throw new Error(`--sizes ${values.sizes}: expected entity counts ≥ 2`);
if (!existsSync(cli)) throw new Error("dist/ is missing: run `npm run build` first");
if (!existsSync(TIME)) throw new Error(`${TIME} is missing: it measures the peak RSS (apt-get install time)`);

const log = (m: string): void => void process.stderr.write(`${m}\n`);

type Engine = "pglite" | "shadow";
const engines: Engine[] = [...(values["skip-pglite"] ? [] : (["pglite"] as const)), ...(values["skip-shadow"] ? [] : (["shadow"] as const))];
let server: string | undefined;
if (engines.includes("shadow")) {
  try {
    server = serverVersion(serverUrl);
  } catch (e) {
    log(`no server at ${serverUrl} (${(e as Error).message.split("\n")[0]}): --shadow skipped`);
    engines.splice(engines.indexOf("shadow"), 1);
  }
}
if (engines.length === 0) throw new Error("nothing to measure: both engines skipped");

const designCommand = (spec: string, engine: Engine, quiet: boolean): string[] => [
  process.execPath,
  cli,
  "design",
  spec,
  ...(quiet ? ["-q"] : []),
  ...(engine === "shadow" ? ["--shadow", serverUrl] : []),
];

// ---------------------------------------------------------------------------------------------------------------
// The timestamped run: stderr lines as they arrive (the CLI writes progress synchronously to a pipe).

interface Event {
  readonly ms: number;
  readonly line: string;
}

interface Traced {
  readonly ok: boolean;
  readonly status: number | null;
  readonly ms: number;
  readonly rssMb: number;
  readonly events: readonly Event[];
  readonly reportBytes: number;
  readonly error?: string;
}

function traced(command: readonly string[]): Promise<Traced> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(TIME, ["-f", "%M", ...command], { stdio: ["ignore", "pipe", "pipe"] });
    const events: Event[] = [];
    let reportBytes = 0;
    child.stdout.on("data", (chunk: Buffer) => void (reportBytes += chunk.length));
    const lines = createInterface({ input: child.stderr });
    lines.on("line", (line) => void events.push({ ms: performance.now() - started, line }));
    child.on("error", reject);
    // `close`: the process has exited and its streams are drained.
    child.on("close", (status) => {
      const ms = performance.now() - started;
      const rssMb = Number(events.pop()?.line) / 1024;
      const ok = status === 0;
      const error = ok ? undefined : events.slice(-12).map((e) => e.line).filter((l) => !l.startsWith("Command exited with non-zero status")).join("\n");
      resolve({ ok, status, ms, rssMb, events, reportBytes, ...(error === undefined ? {} : { error }) });
    });
  });
}

/** One stretch of a run between two progress milestones. */
interface Phase {
  readonly label: string;
  readonly ms: number;
}

interface Phases {
  readonly list: readonly Phase[];
  /** The CLI's closing line: tables, indexes, decisions, checks. */
  readonly summary?: string;
  /** Migration steps applied: UP, DOWN. */
  readonly steps: string;
  readonly total: number;
}

const STEP = /^proof: (UP|DOWN) step \d+\/\d+/;
const SUMMARY = /proven \(\d+ checks\) in [\d.]+ s$/;

/**
 * Where the time of one run went, from its progress lines (ms since spawn), whatever order the CLI emits them in:
 * one phase from each milestone line to the next. A milestone followed by step lines (`proof: UP step i/n`) is split
 * at its last step line: the steps, then what follows the last step until the next milestone (the last step itself,
 * the catalog read and comparisons). Before the first line: start-up; after the closing line: exit.
 */
function phasesOf(t: Traced): Phases | undefined {
  const events = t.events.filter((e) => e.line.trim() !== "");
  const summaryAt = events.findIndex((e) => SUMMARY.test(e.line));
  if (summaryAt === -1) return undefined;
  const label = (line: string): string => line.replace(/…$/, "").replace(/ \(\d+ steps\)$/, "").replace(/^starting embedded/, "scratch: starting embedded");
  const list: Phase[] = [{ label: "start-up: Node, modules, spec parsed, design made", ms: events[0]!.ms }];
  let i = 0;
  while (i < summaryAt) {
    const milestone = events[i]!;
    let j = i + 1;
    while (j < summaryAt && STEP.test(events[j]!.line)) j++;
    const next = events[j]!;
    if (j > i + 1) {
      const lastStep = events[j - 1]!;
      list.push({ label: `${label(milestone.line)}: the steps`, ms: lastStep.ms - milestone.ms });
      list.push({ label: `${label(milestone.line)}: last step, then checks until the next line`, ms: next.ms - lastStep.ms });
    } else {
      list.push({ label: label(milestone.line), ms: next.ms - milestone.ms });
    }
    i = j;
  }
  list.push({ label: "exit after the closing line", ms: t.ms - events[summaryAt]!.ms });
  // The CLI may leave the step lines out: a count it does not say is "—".
  const count = (re: RegExp): string => re.exec(events.findLast((e) => re.test(e.line))?.line ?? "")?.[1] ?? "—";
  const steps = `${count(/^proof: applying UP \((\d+) steps\)/)} / ${count(/^proof: DOWN step \d+\/(\d+)/)}`;
  return { list, summary: events[summaryAt]!.line.replace(/ in [\d.]+ s$/, ""), steps, total: t.ms };
}

// ---------------------------------------------------------------------------------------------------------------
// The run.

const scratch = join(tmpdir(), `pg-schema-bench-design-${process.pid}`);
mkdirSync(scratch, { recursive: true });
const loadBefore = loadavg();

interface SizeResult {
  readonly n: number;
  readonly stats: SpecStats;
  readonly traced: Partial<Record<Engine, Traced>>;
  readonly phases: Partial<Record<Engine, Phases>>;
  readonly m: Partial<Record<Engine, Measurement>>;
}

const results: SizeResult[] = [];
const problems: string[] = [];
let floors: { help: Measurement; pglite: Measurement } | undefined;

try {
  // Floors: what every run pays before any work of its own.
  log("floors: `design --help` and one PGlite start…");
  const pgliteStart = join(scratch, "pglite-start.mjs");
  writeFileSync(pgliteStart, `import { openPglite } from ${JSON.stringify(join(root, "dist/db/pglite.js"))};\nconst db = await openPglite();\nawait db.query("select 1");\nawait db.close();\n`);
  const [help, pglite] = measureInterleaved([[process.execPath, cli, "design", "--help"], [process.execPath, pgliteStart]], runs);
  floors = { help: help!, pglite: pglite! };

  for (const n of sizes) {
    const spec = generateSpec(n, seed);
    const file = join(scratch, `design-${n}.yaml`);
    writeFileSync(file, specYaml(spec));
    const result: SizeResult = { n, stats: specStats(spec), traced: {}, phases: {}, m: {} };
    for (const engine of engines) {
      log(`${n} entities, ${engine}: one run with progress timestamped (also the warm-up)…`);
      const t = await traced(designCommand(file, engine, false));
      result.traced[engine] = t;
      if (!t.ok) {
        problems.push(`${n} entities, ${engine}: exit ${t.status} after ${(t.ms / 1000).toFixed(2)} s:\n${t.error}`);
        continue;
      }
      const p = phasesOf(t);
      if (p) result.phases[engine] = p;
      else problems.push(`${n} entities, ${engine}: progress lines not as expected; no phases`);
    }
    const working = engines.filter((e) => result.traced[e]?.ok);
    if (working.length > 0) {
      log(`${n} entities: ${runs} timed runs (-q) of ${working.join(", ")}, taking turns…`);
      const measured = measureInterleaved(
        working.map((e) => designCommand(file, e, true)),
        runs,
        [],
        { warmup: false },
      );
      working.forEach((e, i) => void (result.m[e] = measured[i]!));
    }
    results.push(result);
    log(`${n} entities: ${engines.map((e) => `${e} ${result.m[e] ? `${result.m[e]!.seconds.toFixed(2)} s / ${Math.round(result.m[e]!.rssMb)} MB` : "failed"}`).join(", ")}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------------------------
// The report.

const loadAfter = loadavg();
const s2 = (ms: number | undefined): string => (ms === undefined ? "—" : `${(ms / 1000).toFixed(2)} s`);
const engineName: Record<Engine, string> = { pglite: "PGlite (default)", shadow: "`--shadow` (server)" };
const lines: string[] = [];
lines.push(
  `${cpus().length} cores (${cpus()[0]?.model.trim() ?? "?"}); Node ${process.version}; PGlite ${pgliteVersion()}${server ? `; server PostgreSQL ${server} on 127.0.0.1` : ""}.`,
  `Specs from \`bench/design-spec-generator.ts\` (seed ${seed}). Timed: \`node dist/cli/main.js design <spec> -q\` [\`--shadow ${serverUrl}\`],`,
  `a new process per run, wall time from outside; median and min of ${runs} runs after one warm-up run with progress on (the`,
  "phase table below), the engines taking turns run by run; peak RSS of the whole process (`/usr/bin/time -f %M`), maximum",
  `over the runs. 1-minute load average ${loadBefore[0]!.toFixed(2)} before (5-minute ${loadBefore[1]!.toFixed(2)}), ${loadAfter[0]!.toFixed(2)} after (5-minute ${loadAfter[1]!.toFixed(2)}).`,
  "",
);
if (floors) {
  lines.push(
    `Floors (median of ${runs}): \`pg-schema design --help\` (Node start and the CLI's modules) ${floors.help.seconds.toFixed(2)} s / ${Math.round(floors.help.rssMb)} MB;`,
    `one PGlite start in a new process (Node, PGlite from the cached data directory, \`select 1\`, close) ${floors.pglite.seconds.toFixed(2)} s / ${Math.round(floors.pglite.rssMb)} MB.`,
    "",
  );
}

lines.push(
  "| entities | tables / indexes / decisions; checks | spec: fields, many-to-one, many-to-many, keys, soft delete, append-only, patterns | engine | median | min | peak RSS | report | target | |",
  "|---:|---|---|---|---:|---:|---:|---:|---:|---|",
);
for (const r of results) {
  const st = r.stats;
  for (const engine of engines) {
    const m = r.m[engine];
    const t = r.traced[engine];
    const p = r.phases[engine];
    const target = TARGETS[r.n];
    const verdict = m === undefined || target === undefined ? "" : m.seconds <= target ? "met" : `**missed** (${(m.seconds / target).toFixed(1)} ×)`;
    const facts = p?.summary?.replace(/; proven \((\d+) checks\)/, "; $1 checks") ?? "—";
    lines.push(
      `| ${r.n} | ${facts} | ${st.fields}, ${st.manyToOne}, ${st.manyToMany}, ${st.keys}, ${st.softDelete}, ${st.appendOnly}, ${st.patterns} | ${engineName[engine]} | ${m ? `${m.seconds.toFixed(2)} s` : `fails (exit ${t?.status ?? "?"})`} | ${m ? `${m.min.toFixed(2)} s` : "—"} | ${m ? `${Math.round(m.rssMb)} MB` : "—"} | ${t?.ok ? `${Math.round(t.reportBytes / 1024)} KB` : "—"} | ${target === undefined ? "—" : `≤ ${target} s`} | ${verdict} |`,
    );
  }
}
lines.push("");

const columns = results.flatMap((r) => engines.flatMap((e) => (r.phases[e] ? [{ n: r.n, e, p: r.phases[e]!, t: r.traced[e]! }] : [])));
if (columns.length > 0) {
  // Rows: the phases in the order they first appear; a phase one engine does not report is "—" (its time is in the
  // phase before it).
  const labels: string[] = [];
  for (const c of columns) for (const ph of c.p.list) if (!labels.includes(ph.label)) labels.push(ph.label);
  lines.push(
    "Where the time goes: the warm-up run of each, progress on, its stderr lines timestamped as they arrived; a phase",
    "runs from one progress line to the next (a line followed by step lines: until the last step, then from there to the",
    "next line). On the server there is no start-up line: its temporary database is made inside the start-up phase.",
    "",
    `| phase | ${columns.map((c) => `${c.n}, ${engineName[c.e]}`).join(" | ")} |`,
    `|---|${columns.map(() => "---:").join("|")}|`,
  );
  for (const l of labels) {
    lines.push(`| ${l} | ${columns.map((c) => s2(c.p.list.filter((ph) => ph.label === l).reduce((ms, ph) => ms + ph.ms, 0) || undefined)).join(" | ")} |`);
  }
  lines.push(
    `| migration steps UP / DOWN | ${columns.map((c) => c.p.steps).join(" | ")} |`,
    `| **total (this run)** | ${columns.map((c) => `**${s2(c.p.total)}**`).join(" | ")} |`,
    `| peak RSS (this run) | ${columns.map((c) => `${Math.round(c.t.rssMb)} MB`).join(" | ")} |`,
    "",
  );
}

if (problems.length > 0) lines.push("Failures in this run (exit code and the end of stderr):", "", "```", ...problems.flatMap((p) => [p, ""]), "```", "");

const report = lines.join("\n").trimEnd();
process.stdout.write(`\n${report}\n`);

if (values.write) {
  const file = join(root, "docs/benchmarks.md");
  const begin = "<!-- bench:design:begin -->";
  const end = "<!-- bench:design:end -->";
  let text = readFileSync(file, "utf8");
  if (!text.includes(begin) || !text.includes(end)) {
    text = `${text.trimEnd()}

## design: spec to proven report

Whole-process \`pg-schema design <spec.yaml> -q\` from cold start (a new Node process per run) to the finished Markdown
report, which is printed only once the design is proven: the DDL loaded and read back, the migration from an empty
database planned and proven (UP, re-plan, verification queries, DOWN), the design exercised on sample rows (constraint
violations rejected, triggers, RLS, index use by EXPLAIN). Measured with the proof on embedded PGlite (the default)
and with \`--shadow\` on the local server. Specs of 50 and 200 entities come from \`bench/design-spec-generator.ts\`
(seeded: every run measures the same spec). The issue's targets, cold start to finished proven report: **≤ 2 s for
50 entities and ≤ 5 s for 200**. The section between the markers is written by \`npm run bench:design -- --write\`
(\`npm run bench:design -- --help\` lists the options), with the date, the command, the machine and its load.

${begin}
${end}
`;
  }
  const command = ["npm run bench:design --", ...process.argv.slice(2)].join(" ");
  const stamped = `${begin}\nMeasured ${new Date().toISOString().slice(0, 10)} with \`${command}\`.\n\n${report}\n${end}`;
  // A function, so `$` in the report is never read as a replacement pattern.
  writeFileSync(file, text.replace(new RegExp(`${begin}[\\s\\S]*${end}`), () => stamped));
}

function pgliteVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(root, "node_modules/@electric-sql/pglite/package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "?";
  }
}

