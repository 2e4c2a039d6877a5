/**
 * `npm run bench:plan`: whole-process `pg-schema plan` time and peak RSS on corpus schemas loaded into a live server,
 * side by side in one run with `pg_dump --schema-only` of the same database (the floor), @pgkit/migra 0.6.1 and
 * @supabase/pg-delta 1.0.0-alpha.34 (both installed pinned into a scratch folder outside the repository). Three plans
 * per schema: identity (the schema against a second, separately loaded copy), empty → schema, and for one schema a
 * pair of ~120 changes (bench/change-pair.ts). Ours runs with the proof off (`--no-verify`) and on (`--shadow`, a
 * temporary database on the same server); one extra run per plan tries the default proof on embedded PGlite. Then one
 * in-process run per plan times the phases (load, plan, proof step by step) to say where the time goes.
 * Prints Markdown; `--write` also puts it into docs/benchmarks.md between the bench:plan markers.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { applyChangePair, changeSummary } from "./change-pair.js";
import { dropDatabase, freshDatabase, loadCorpusDatabase, serverVersion, CLI, CORPUS, ROOT, SERVER_URL } from "./corpus-db.js";
import { type Measurement, measure, measureInterleaved, type RunOptions } from "./measure.js";

const MIGRA = "@pgkit/migra@0.6.1";
const PG_DELTA = "@supabase/pg-delta@1.0.0-alpha.34";

const { values, positionals } = parseArgs({
  options: {
    runs: { type: "string" },
    schemas: { type: "string" },
    pair: { type: "string" },
    "skip-pglite": { type: "boolean" },
    write: { type: "boolean" },
    help: { type: "boolean", short: "h" },
    // Internal: one in-process run of load + plan + proof, phase by phase (JSON on stdout).
    "phases-child": { type: "boolean" },
    shadow: { type: "string" },
  },
  allowPositionals: true,
});

if (values["phases-child"]) {
  const [from, to] = positionals;
  if (from === undefined || to === undefined) throw new Error("--phases-child <from> <to> [--shadow url]");
  process.stdout.write(`${JSON.stringify(await phasesChild(from, to, values.shadow))}\n`);
  process.exit(0);
}

if (values.help) {
  process.stdout.write(`usage: npm run bench:plan -- [--runs N] [--schemas a,b] [--pair name] [--skip-pglite] [--write]
  --runs N        timed runs per tool after one warm-up; the table shows the median (default 5)
  --schemas a,b   corpus schemas to measure (default lemmy,sourcegraph,musicbrainz)
  --pair name     the schema the ~120-change pair is made from (default sourcegraph; "none" to skip)
  --skip-pglite   skip the one run per plan that proves on embedded PGlite (the default proof)
  --write         also put the results into docs/benchmarks.md between the bench:plan markers
environment: PGSCHEMA_TEST_URL (server, default postgres://postgres@127.0.0.1:5432/postgres),
             PGSCHEMA_CORPUS (default ../shared/corpus)
`);
  process.exit(0);
}

const runs = Number(values.runs ?? 5);
const schemas = (values.schemas ?? "lemmy,sourcegraph,musicbrainz").split(",");
const pairSchema = values.pair ?? "sourcegraph";
const serverUrl = SERVER_URL;
const corpus = CORPUS;
const root = ROOT;
const cli = CLI;
const peers = join(tmpdir(), "pg-schema-bench-peers");
const scratch = join(tmpdir(), `pg-schema-bench-plan-${process.pid}`);

if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs ${values.runs}: expected a positive integer`);
if (!existsSync(corpus)) throw new Error(`corpus not found at ${corpus} (set PGSCHEMA_CORPUS)`);
if (!existsSync(cli)) throw new Error("dist/ is missing: run `npm run build` first");

const log = (m: string): void => void process.stderr.write(`${m}\n`);

// ---------------------------------------------------------------------------------------------------------------
// The peers, pinned exactly, in a scratch folder outside the repository.

function installedVersion(pkg: string): string | undefined {
  const file = join(peers, "node_modules", pkg, "package.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version : undefined;
}

function ensurePeers(): { migra: string; pgDelta: string } {
  const wanted = [MIGRA, PG_DELTA].filter((spec) => installedVersion(spec.slice(0, spec.lastIndexOf("@"))) !== spec.slice(spec.lastIndexOf("@") + 1));
  if (wanted.length > 0) {
    mkdirSync(peers, { recursive: true });
    log(`installing ${wanted.join(" ")} into ${peers}…`);
    execFileSync("npm", ["i", "--prefix", peers, "--no-audit", "--no-fund", "--save-exact", ...wanted], { stdio: ["ignore", "inherit", "inherit"] });
  }
  const bin = (pkg: string, name: string): string => {
    const manifest = JSON.parse(readFileSync(join(peers, "node_modules", pkg, "package.json"), "utf8")) as { bin: string | Record<string, string> };
    const rel = typeof manifest.bin === "string" ? manifest.bin : manifest.bin[name];
    if (rel === undefined) throw new Error(`${pkg} has no bin ${name}`);
    return join(peers, "node_modules", pkg, rel);
  };
  return { migra: bin("@pgkit/migra", "migra"), pgDelta: bin("@supabase/pg-delta", "pgdelta") };
}

// ---------------------------------------------------------------------------------------------------------------
// Tools and their output.

type ToolId = "dump" | "off" | "on" | "migra" | "delta";
const TOOLS: readonly ToolId[] = ["dump", "off", "on", "migra", "delta"];

interface Tool {
  readonly command: string[];
  readonly options: RunOptions;
  /** Statements the tool emitted, from the probe run's stdout (undefined for pg_dump). */
  readonly count?: (stdout: string) => number;
}

/** Our SQL statements without the SET / RESET around them (timeouts, check_function_bodies). */
function ourStatements(stdout: string): number {
  const plan = JSON.parse(stdout) as { steps: { sql: string[] }[] };
  return plan.steps.reduce((n, s) => n + s.sql.filter((x) => !/^\s*(SET|RESET)\s/i.test(x)).length, 0);
}

let splitter: ((script: string) => unknown[] | undefined) | undefined;
/** migra prints a script: counted with PostgreSQL's parser, or by `;` at line ends when the parser refuses it. */
function scriptStatements(stdout: string): number {
  if (stdout.trim() === "") return 0;
  const split = splitter?.(stdout);
  return split ? split.length : stdout.split("\n").filter((l) => /;\s*$/.test(l)).length;
}

function tools(from: string, to: string, peer: { migra: string; pgDelta: string }, deltaOut: string): Record<ToolId, Tool> {
  const ours = [process.execPath, cli, "plan", "--from", from, "--to", to, "--format", "json", "-q"];
  const plan = { okExit: [0, 2, 3] };
  return {
    dump: { command: ["pg_dump", "--schema-only", "-f", "/dev/null", to], options: {} },
    off: { command: [...ours, "--no-verify"], options: plan, count: ourStatements },
    on: { command: [...ours, "--shadow", serverUrl], options: plan, count: ourStatements },
    migra: { command: [process.execPath, peer.migra, from, to, "--unsafe"], options: { cwd: peers, okExit: [0, 2] }, count: scriptStatements },
    delta: {
      command: [process.execPath, peer.pgDelta, "plan", "--source", from, "--desired", to, "--renames", "off", "--out", deltaOut],
      options: { cwd: peers },
      count: () => (JSON.parse(readFileSync(deltaOut, "utf8")) as { actions: unknown[] }).actions.length,
    },
  };
}

interface Probe {
  readonly ok: boolean;
  readonly seconds: number;
  readonly rssMb: number;
  readonly status: number | null;
  readonly statements?: number;
  readonly error?: string;
}

/** One run that keeps the output (the warm-up of the timed runs): did it work, and how many statements. */
function probe(tool: Tool): Probe {
  const started = process.hrtime.bigint();
  const r = spawnSync("/usr/bin/time", ["-f", "%M", ...tool.command], {
    cwd: tool.options.cwd,
    encoding: "utf8",
    maxBuffer: 1024 * 1024 * 1024,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const stderr = `${r.stderr}`.trimEnd().split("\n");
  const rssMb = Number(stderr.pop()) / 1024;
  const ok = (tool.options.okExit ?? [0]).includes(r.status ?? -1);
  const error = stderr.filter((l) => !l.startsWith("Command exited with non-zero status")).slice(-12).join("\n");
  if (!ok) return { ok, seconds, rssMb, status: r.status, error };
  return { ok, seconds, rssMb, status: r.status, ...(tool.count ? { statements: tool.count(r.stdout) } : {}) };
}

// ---------------------------------------------------------------------------------------------------------------
// Phases, in process: where the time of a proven plan goes.

interface Phases {
  importMs: number;
  loadFromMs: number;
  loadToMs: number;
  planMs: number;
  steps: number;
  proofOk: boolean;
  proofFailure?: string;
  proveMs: number;
  scratchMs: number;
  copyMs: number;
  upMs: number;
  afterUpMs: number;
  downMs: number;
  afterDownMs: number;
  upStatements: number;
  upTransactions: number;
  downStatements: number;
  jsonMs: number;
  /** Separately, for the after-UP and after-DOWN gaps: one catalog read of `to`, one comparison, one re-plan. */
  readMs: number;
  compareMs: number;
  replanMs: number;
  maxRssMb: number;
}

async function phasesChild(from: string, to: string, shadow: string | undefined): Promise<Phases> {
  let t = performance.now();
  const lib = await import("../src/index.js");
  const { groupSteps, upItems, downItems } = await import("../src/plan/groups.js");
  const { timeoutStatements } = await import("../src/plan/timeouts.js");
  const { comparableJson } = await import("../src/plan/proof-view.js");
  const importMs = performance.now() - t;
  const since = (start: number): number => performance.now() - start;

  t = performance.now();
  const fromCatalog = await lib.loadCatalog(from);
  const loadFromMs = since(t);
  t = performance.now();
  const toCatalog = await lib.loadCatalog(to);
  const loadToMs = since(t);
  t = performance.now();
  const plan = lib.planMigration(fromCatalog, toCatalog);
  const planMs = since(t);

  const events: { at: number; m: string }[] = [];
  const proveStart = performance.now();
  const proof = await lib.provePlan(plan, fromCatalog, toCatalog, {
    ...(shadow ? { shadow } : {}),
    progress: (m) => void events.push({ at: performance.now(), m }),
  });
  const proveEnd = performance.now();
  const first = (re: RegExp): number | undefined => events.find((e) => re.test(e.m))?.at;
  const last = (re: RegExp): number | undefined => events.findLast((e) => re.test(e.m))?.at;
  const copyAt = first(/^proof: loading a copy of from/) ?? proveEnd;
  const upAt = first(/^proof: applying UP/) ?? proveEnd;
  const lastUp = last(/^proof: UP step/) ?? upAt;
  const downAt = first(/^proof: applying DOWN/);
  const lastDown = last(/^proof: DOWN step/) ?? downAt;

  t = performance.now();
  lib.planToJson(plan, proof);
  const jsonMs = since(t);

  // What a transaction group and a step send (as src/plan/apply.ts does): BEGIN, SET LOCAL × 2, the SQL, the
  // verification query, COMMIT; a step outside a transaction: SET × 2 and its SQL on a held session.
  const roundTrips = (items: ReturnType<typeof upItems>, verify: boolean): { statements: number; transactions: number } => {
    const groups = groupSteps(items);
    let statements = 0;
    for (const g of groups) {
      statements += g.transactional ? 2 : 0;
      for (const s of g.steps) statements += timeoutStatements(s.step, plan.options, "local").length + s.sql.length + (verify && s.step.verify ? 1 : 0);
    }
    return { statements, transactions: groups.filter((g) => g.transactional).length };
  };
  const up = roundTrips(upItems(plan), true);
  const down = roundTrips(downItems(plan), false);

  t = performance.now();
  const again = await lib.loadCatalog(to);
  const readMs = since(t);
  t = performance.now();
  void (comparableJson(again, plan.options) === comparableJson(toCatalog, plan.options));
  const compareMs = since(t);
  t = performance.now();
  lib.planMigration(again, toCatalog, plan.options);
  const replanMs = since(t);

  return {
    importMs,
    loadFromMs,
    loadToMs,
    planMs,
    steps: plan.steps.length,
    proofOk: proof.ok,
    ...(proof.failure ? { proofFailure: `${proof.failure.phase}: ${proof.failure.why ?? ""}` } : {}),
    proveMs: proveEnd - proveStart,
    scratchMs: copyAt - proveStart,
    copyMs: upAt - copyAt,
    upMs: lastUp - upAt,
    afterUpMs: (downAt ?? proveEnd) - lastUp,
    downMs: downAt === undefined || lastDown === undefined ? 0 : lastDown - downAt,
    afterDownMs: lastDown === undefined ? 0 : proveEnd - lastDown,
    upStatements: up.statements,
    upTransactions: up.transactions,
    downStatements: downAt === undefined ? 0 : down.statements,
    jsonMs,
    readMs,
    compareMs,
    replanMs,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

function phases(from: string, to: string): Phases {
  const out = execFileSync(process.execPath, ["--import", "tsx", new URL(import.meta.url).pathname, "--phases-child", from, to, "--shadow", serverUrl], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(out.trim().split("\n").pop()!) as Phases;
}

// ---------------------------------------------------------------------------------------------------------------
// The run.

const fmt = (m: Measurement | undefined, p?: Probe): string => (m ? `${m.seconds.toFixed(2)} s / ${Math.round(m.rssMb)} MB` : `fails (exit ${p?.status ?? "?"})`);
const s2 = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

interface Row {
  readonly schema: string;
  readonly kind: "identity" | "empty → schema" | "change pair";
  readonly m: Partial<Record<ToolId, Measurement>>;
  readonly probes: Record<ToolId, Probe>;
  readonly pglite?: Probe;
}

interface SchemaFacts {
  readonly schema: string;
  readonly loadSeconds: number;
  /** Steps of our empty → schema plan: the schema's size in objects. */
  readonly objects?: number;
}

splitter = await (async () => {
  const { ensureParser, splitStatements } = await import("../src/sources/split-statements.js");
  await ensureParser();
  return splitStatements;
})();
const peer = ensurePeers();
mkdirSync(scratch, { recursive: true });
const loadBefore = loadavg()[0]!;
const rows: Row[] = [];
const facts: SchemaFacts[] = [];
const phaseRows: { schema: string; kind: string; p: Phases }[] = [];
const problems: string[] = [];
let pairSummary: string | undefined;

const header = [
  "| schema | plan | `pg_dump --schema-only` (floor) | ours, proof off | ours, proof on (`--shadow`) | migra 0.6.1 | pg-delta 1.0.0-alpha.34 | ours off ÷ pg-delta | statements: ours / migra / pg-delta | ours, proof on (PGlite, one run) |",
  "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
];
process.stdout.write(`${header.join("\n")}\n`);

function rowText(r: Row): string {
  const ratio = r.m.off && r.m.delta ? `${(r.m.off.seconds / r.m.delta.seconds).toFixed(2)} ×` : "n/a";
  const n = (id: ToolId): string => (r.probes[id].ok ? String(r.probes[id].statements ?? "?") : "fails");
  const p = r.pglite;
  const pglite = p === undefined ? "—" : `${p.ok ? "" : "proof fails after "}${p.seconds.toFixed(2)} s / ${Math.round(p.rssMb)} MB`;
  return `| ${r.schema} | ${r.kind} | ${fmt(r.m.dump, r.probes.dump)} | ${fmt(r.m.off, r.probes.off)} | ${fmt(r.m.on, r.probes.on)} | ${fmt(r.m.migra, r.probes.migra)} | ${fmt(r.m.delta, r.probes.delta)} | ${ratio} | ${n("off")} / ${n("migra")} / ${n("delta")} | ${pglite} |`;
}

/** Probes every tool once (the warm-up), then times those that worked, taking turns. */
function measurePlan(schema: string, kind: Row["kind"], from: string, to: string, pglite: boolean): Row {
  log(`${schema}, ${kind}: probing…`);
  const set = tools(from, to, peer, join(scratch, "pg-delta-plan.json"));
  const probes = Object.fromEntries(TOOLS.map((id) => [id, probe(set[id])])) as Record<ToolId, Probe>;
  for (const id of TOOLS) {
    const p = probes[id];
    if (!p.ok) problems.push(`${schema}, ${kind}: ${id} exited ${p.status}:\n${p.error}`);
  }
  const working = TOOLS.filter((id) => probes[id].ok);
  log(`${schema}, ${kind}: ${runs} timed runs of ${working.join(", ")}…`);
  const measured = measureInterleaved(
    working.map((id) => set[id].command),
    runs,
    working.map((id) => set[id].options),
    { warmup: false },
  );
  const m = Object.fromEntries(working.map((id, i) => [id, measured[i]!])) as Partial<Record<ToolId, Measurement>>;
  let pgliteProbe: Probe | undefined;
  if (pglite) {
    log(`${schema}, ${kind}: one run proving on PGlite…`);
    const ours = set.on.command.slice(0, set.on.command.indexOf("--shadow"));
    pgliteProbe = probe({ command: ours, options: { okExit: [0, 2, 3] }, count: ourStatements });
    if (!pgliteProbe.ok) problems.push(`${schema}, ${kind}: ours with the proof on PGlite exited ${pgliteProbe.status}:\n${pgliteProbe.error}`);
  }
  const row: Row = { schema, kind, m, probes, ...(pgliteProbe ? { pglite: pgliteProbe } : {}) };
  process.stdout.write(`${rowText(row)}\n`);
  return row;
}

const empty = "pgs_bench_plan_empty";
const emptyUrl = freshDatabase(serverUrl, empty);
let baseline: Measurement | undefined;
try {
  // Start-up and two empty catalogs: what every plan pays whatever the schema size.
  log("ours on empty → empty (fixed cost)…");
  baseline = measure([process.execPath, cli, "plan", "--from", emptyUrl, "--to", emptyUrl, "--format", "json", "-q", "--no-verify"], runs, { okExit: [0] });
  for (const name of schemas) {
    const dbs = [`pgs_bench_plan_${name}`, `pgs_bench_plan_${name}_copy`, `pgs_bench_plan_${name}_changed`];
    try {
      log(`${name}: loading into ${dbs[0]} and ${dbs[1]}…`);
      const a = loadCorpusDatabase(serverUrl, corpus, name, dbs[0]!);
      const copy = loadCorpusDatabase(serverUrl, corpus, name, dbs[1]!);
      const identity = measurePlan(name, "identity", a.url, copy.url, false);
      const fromEmpty = measurePlan(name, "empty → schema", emptyUrl, a.url, !values["skip-pglite"]);
      rows.push(identity, fromEmpty);
      log(`${name}: phases of empty → schema…`);
      const grown = phases(emptyUrl, a.url);
      phaseRows.push({ schema: name, kind: "empty → schema", p: grown });
      facts.push({ schema: name, loadSeconds: a.loadSeconds, objects: grown.steps });
      if (name === pairSchema) {
        log(`${name}: making the change pair in ${dbs[2]}…`);
        const b = loadCorpusDatabase(serverUrl, corpus, name, dbs[2]!);
        const changes = await applyChangePair(b.url);
        pairSummary = `${changes.length} changes to ${name}: ${changeSummary(changes)}`;
        log(pairSummary);
        rows.push(measurePlan(name, "change pair", a.url, b.url, !values["skip-pglite"]));
        log(`${name}: phases of the change pair…`);
        phaseRows.push({ schema: name, kind: "change pair", p: phases(a.url, b.url) });
      }
    } finally {
      for (const db of dbs) dropDatabase(serverUrl, db);
    }
  }
} finally {
  dropDatabase(serverUrl, empty);
  rmSync(scratch, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------------------------
// The report.

const loadAfter = loadavg()[0]!;
const lines: string[] = [];
lines.push(
  `Server: PostgreSQL ${serverVersion(serverUrl)} on 127.0.0.1 (pg_dump ${/\d+\.\d+/.exec(execFileSync("pg_dump", ["--version"], { encoding: "utf8" }))?.[0] ?? "?"}); ${cpus().length} cores; Node ${process.version}.`,
  `Median of ${runs} runs after one warm-up (the warm-up keeps each tool's output: the statement counts), the five columns`,
  "taking turns run by run; peak RSS of the whole process (`/usr/bin/time -f %M`), maximum over the runs.",
  `1-minute load average ${loadBefore.toFixed(2)} before the first schema, ${loadAfter.toFixed(2)} after the last.`,
  "Identity: the schema against a second copy loaded separately from the same script. Statements: ours without the",
  "SET / RESET around them, migra's script split by PostgreSQL's parser, pg-delta's plan actions; identity must be 0.",
  "",
  ...header,
  ...rows.map(rowText),
  "",
);
if (pairSummary) lines.push(`Change pair: ${pairSummary}.`, "");

// Growth: the fixed cost (empty → empty, proof off) taken off, the rest per 1,000 objects.
if (baseline) {
  const base = baseline;
  lines.push(
    `Growth with schema size. Fixed cost, ours with the proof off on empty → empty: ${fmt(base)}; objects = steps of our`,
    "empty → schema plan; \"per 1,000\": (time − fixed cost) ÷ objects × 1,000, and the same for peak RSS.",
    "",
    "| schema | objects | psql load of the script | identity, ours off | per 1,000 objects | empty → schema, ours off | per 1,000 objects | peak RSS per 1,000 objects (identity / from empty) | pg-delta identity / from empty |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  );
  const per = (m: Measurement | undefined, objects: number | undefined): number | undefined =>
    m && objects ? ((m.seconds - base.seconds) / objects) * 1000 : undefined;
  const rssPer = (m: Measurement | undefined, objects: number | undefined): string =>
    m && objects ? `${(((m.rssMb - base.rssMb) / objects) * 1000).toFixed(0)} MB` : "n/a";
  const slopes: { schema: string; objects: number; identity?: number; empty?: number }[] = [];
  for (const f of facts) {
    const id = rows.find((r) => r.schema === f.schema && r.kind === "identity");
    const em = rows.find((r) => r.schema === f.schema && r.kind === "empty → schema");
    const a = per(id?.m.off, f.objects);
    const b = per(em?.m.off, f.objects);
    if (f.objects) slopes.push({ schema: f.schema, objects: f.objects, ...(a === undefined ? {} : { identity: a }), ...(b === undefined ? {} : { empty: b }) });
    const secs = (m: Measurement | undefined): string => (m ? `${m.seconds.toFixed(2)} s` : "n/a");
    lines.push(
      `| ${f.schema} | ${f.objects ?? "?"} | ${f.loadSeconds.toFixed(2)} s | ${secs(id?.m.off)} | ${a === undefined ? "n/a" : `${a.toFixed(2)} s`} | ${secs(em?.m.off)} | ${b === undefined ? "n/a" : `${b.toFixed(2)} s`} | ${rssPer(id?.m.off, f.objects)} / ${rssPer(em?.m.off, f.objects)} | ${secs(id?.m.delta)} / ${secs(em?.m.delta)} |`,
    );
  }
  slopes.sort((x, y) => x.objects - y.objects);
  const small = slopes[0];
  const large = slopes[slopes.length - 1];
  if (small && large && small !== large) {
    const ratio = (k: "identity" | "empty"): string =>
      small[k] !== undefined && large[k] !== undefined ? `${(large[k]! / small[k]!).toFixed(2)} ×` : "n/a";
    lines.push(
      "",
      `Per-object cost of the largest schema (${large.schema}, ${large.objects} objects) ÷ that of the smallest (${small.schema}, ${small.objects}):`,
      `identity ${ratio("identity")}, empty → schema ${ratio("empty")} (1.00 × is linear; above 1, cost grows faster than size).`,
    );
  }
  lines.push("");
}

// Targets.
lines.push("Targets, planning with the proof off: ≤ 0.3 × pg-delta on every schema, ≤ 150 MB peak RSS.", "", "| schema | plan | ours off ÷ pg-delta (≤ 0.3) | peak RSS, ours off (≤ 150 MB) |", "|---|---|---:|---:|");
for (const r of rows) {
  const ratio = r.m.off && r.m.delta ? r.m.off.seconds / r.m.delta.seconds : undefined;
  const rss = r.m.off?.rssMb;
  lines.push(
    `| ${r.schema} | ${r.kind} | ${ratio === undefined ? "n/a" : `${ratio.toFixed(2)} × ${ratio <= 0.3 ? "met" : "**missed**"}`} | ${rss === undefined ? "n/a" : `${Math.round(rss)} MB ${rss <= 150 ? "met" : "**missed**"}`} |`,
  );
}
lines.push("");

// Where the time goes with the proof on.
if (phaseRows.length > 0) {
  lines.push(
    "Where the time goes with the proof on (`--shadow`): one in-process run per plan (library calls as the CLI makes them,",
    "`src/` through tsx; module import not included). UP and DOWN: the steps sent one statement at a time as",
    "`src/plan/apply.ts` does (BEGIN, SET LOCAL × 2, the SQL, the verification query, COMMIT). After UP: the last UP step, a",
    "catalog read of the scratch database, the comparison with `to` and a re-plan; measured apart on `to`: read, compare,",
    "re-plan in the last three columns.",
    "",
    "| schema | plan | steps | load from + to | plan | proof in all | scratch database | copy of from | UP (statements, transactions) | after UP | DOWN (statements) | after DOWN | JSON out | read / compare / re-plan apart | peak RSS |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  );
  for (const { schema, kind, p } of phaseRows) {
    lines.push(
      `| ${schema} | ${kind} | ${p.steps} | ${s2(p.loadFromMs)} + ${s2(p.loadToMs)} | ${s2(p.planMs)} | ${s2(p.proveMs)}${p.proofOk ? "" : ` (failed: ${p.proofFailure})`} | ${s2(p.scratchMs)} | ${s2(p.copyMs)} | ${s2(p.upMs)} (${p.upStatements}, ${p.upTransactions}) | ${s2(p.afterUpMs)} | ${s2(p.downMs)} (${p.downStatements}) | ${s2(p.afterDownMs)} | ${s2(p.jsonMs)} | ${s2(p.readMs)} / ${s2(p.compareMs)} / ${s2(p.replanMs)} | ${Math.round(p.maxRssMb)} MB |`,
    );
  }
  lines.push("");
}

if (problems.length > 0) {
  lines.push("Failures in this run (exit code and the end of stderr):", "", "```", ...problems.flatMap((p) => [p, ""]), "```", "");
}

const report = lines.join("\n").trimEnd();
process.stdout.write(`\n${report}\n`);

if (values.write) {
  const file = join(root, "docs/benchmarks.md");
  const begin = "<!-- bench:plan:begin -->";
  const end = "<!-- bench:plan:end -->";
  let text = readFileSync(file, "utf8");
  if (!text.includes(begin) || !text.includes(end)) text = `${text.trimEnd()}\n\n## \`pg-schema plan\`\n\n${begin}\n${end}\n`;
  const command = ["npm run bench:plan --", ...process.argv.slice(2)].join(" ");
  const stamped = `${begin}\nMeasured ${new Date().toISOString().slice(0, 10)} with \`${command}\`.\n\n${report}\n${end}`;
  // A function, so `$` in the report is never read as a replacement pattern.
  writeFileSync(file, text.replace(new RegExp(`${begin}[\\s\\S]*${end}`), () => stamped));
}
