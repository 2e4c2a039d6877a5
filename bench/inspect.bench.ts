/**
 * `npm run bench`: whole-process inspect time and peak RSS on corpus schemas, side by side with `pg_dump
 * --schema-only` on the same database and with @pgkit/schemainspect (installed on demand into a scratch folder
 * outside the repository). Prints a Markdown table; `--write` also puts it into docs/benchmarks.md.
 *
 * Options: `--runs N` (default 5, after one warm-up), `--schemas a,b` (default musicbrainz,sourcegraph,lemmy).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { withDatabase } from "../src/db/connection-url.js";
import { psql, serverVersion, CLI, CORPUS, ROOT, SERVER_URL } from "./corpus-db.js";
import { type Measurement, measure, measureInterleaved } from "./measure.js";

const { values } = parseArgs({
  options: { runs: { type: "string" }, schemas: { type: "string" }, write: { type: "boolean" }, help: { type: "boolean", short: "h" } },
});
if (values.help) {
  process.stdout.write(`usage: npm run bench -- [--runs N] [--schemas a,b] [--write]
  --runs N       timed runs per tool after one warm-up; the table shows the median (default 5)
  --schemas a,b  corpus schemas to measure (default musicbrainz,sourcegraph,lemmy)
  --write        also put the table into docs/benchmarks.md between the bench:inspect markers
environment: PGSCHEMA_TEST_URL (server, default postgres://postgres@127.0.0.1:5432/postgres),
             PGSCHEMA_CORPUS (default ../shared/corpus)
`);
  process.exit(0);
}
const runs = Number(values.runs ?? 5);
const schemas = (values.schemas ?? "musicbrainz,sourcegraph,lemmy").split(",");
const serverUrl = SERVER_URL;
const corpus = CORPUS;
const root = ROOT;
const cli = CLI;
const peers = join(tmpdir(), "pg-schema-bench-peers");

if (!existsSync(corpus)) throw new Error(`corpus not found at ${corpus} (set PGSCHEMA_CORPUS)`);
if (!existsSync(cli)) throw new Error("dist/ is missing: run `npm run build` first");

function ensurePeer(): string {
  const script = join(peers, "schemainspect.mjs");
  if (!existsSync(join(peers, "node_modules/@pgkit/schemainspect"))) {
    mkdirSync(peers, { recursive: true });
    process.stderr.write(`installing @pgkit/schemainspect@0.6.1 into ${peers}…\n`);
    execFileSync("npm", ["i", "--prefix", peers, "--no-audit", "--no-fund", "@pgkit/schemainspect@0.6.1"], { stdio: "inherit" });
  }
  writeFileSync(
    script,
    `import { PostgreSQL } from "@pgkit/schemainspect";
const inspector = await PostgreSQL.create(process.argv[2]);
process.stdout.write(JSON.stringify(Object.keys(inspector.tables).length) + "\\n");
process.exit(0);
`,
  );
  return script;
}

const NEEDS_POSTGIS = ["openstreetmap", "postgrest"];

/** PGlite has no pg_dump that works on real schemas: the in-process read time is the comparable figure. */
function pgliteIntrospection(file: string): { introspectMs: number } {
  const out = execFileSync(process.execPath, ["--import", "tsx", join(root, "bench/pglite-introspect.ts"), file], { encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").pop()!) as { introspectMs: number };
}

const fmt = (m: Measurement): string => `${m.seconds.toFixed(2)} s / ${Math.round(m.rssMb)} MB`;

const peer = ensurePeer();
// Other work on the machine skews every column: the 1-minute load average before and after goes into the header.
const loadBefore = loadavg()[0]!;
const rows: string[] = [];
for (const name of schemas) {
  const db = `pgs_bench_${name}`;
  const url = withDatabase(serverUrl, db);
  psql(serverUrl, "-c", `drop database if exists ${db}`, "-c", `create database ${db}`);
  process.stderr.write(`${name}: loading into ${db}…\n`);
  psql(url, "-f", join(corpus, name, "schema.sql"));
  try {
    // Taking turns (see measureInterleaved): the ratio to pg_dump is the figure the target is about.
    const [dump, ours, theirs] = measureInterleaved(
      [
        ["pg_dump", "--schema-only", "-f", "/dev/null", url],
        [process.execPath, cli, "inspect", "-q", "--json", "-o", "/dev/null", url],
        [process.execPath, peer, url],
      ],
      runs,
      [{}, {}, { cwd: peers }],
    ) as [Measurement, Measurement, Measurement];
    const inPglite = !NEEDS_POSTGIS.includes(name);
    const schemaFile = join(corpus, name, "schema.sql");
    const pglite = inPglite
      ? measure([process.execPath, cli, "inspect", "-q", "--json", "-o", "/dev/null", schemaFile], Math.max(1, Math.min(runs, 3)))
      : undefined;
    const pgliteRead = inPglite ? pgliteIntrospection(schemaFile) : undefined;
    const ratio = ours.seconds / dump.seconds;
    rows.push(
      `| ${name} | ${fmt(dump)} | ${fmt(ours)} | ${ratio.toFixed(2)} × | ${fmt(theirs)} | ${pglite ? fmt(pglite) : "n/a (PostGIS)"} | ${pgliteRead ? `${(pgliteRead.introspectMs / 1000).toFixed(2)} s` : "n/a"} |`,
    );
    process.stderr.write(`${rows.at(-1)}\n`);
  } finally {
    psql(serverUrl, "-c", `drop database if exists ${db}`);
  }
}

const node = process.version;
const loadAfter = loadavg()[0]!;
const table = [
  `Server: PostgreSQL ${serverVersion(serverUrl)} on 127.0.0.1; ${cpus().length} cores; Node ${node}. Median of ${runs} runs after one warm-up,`,
  "the three server columns taking turns run by run",
  "(PGlite column: median of up to 3), peak RSS of the whole process (`/usr/bin/time -f %M`), maximum over the runs.",
  `1-minute load average ${loadBefore.toFixed(2)} before the first schema, ${loadAfter.toFixed(2)} after the last.`,
  "",
  "| schema | `pg_dump --schema-only` | `pg-schema inspect --json` (server) | ours ÷ pg_dump | `@pgkit/schemainspect` 0.6.1 | `pg-schema inspect --json schema.sql` (PGlite: start + load + read) | PGlite: catalog read alone (in process, median of 3) |",
  "|---|---:|---:|---:|---:|---:|---:|",
  ...rows,
].join("\n");
process.stdout.write(`${table}\n`);

if (values.write) {
  const file = join(root, "docs/benchmarks.md");
  const begin = "<!-- bench:inspect:begin -->";
  const end = "<!-- bench:inspect:end -->";
  const text = existsSync(file) ? readFileSync(file, "utf8") : `${begin}\n${end}\n`;
  if (!text.includes(begin) || !text.includes(end)) throw new Error(`${file} has no ${begin} … ${end} block to replace`);
  const command = ["npm run bench --", ...process.argv.slice(2)].join(" ");
  const stamped = `${begin}\nMeasured ${new Date().toISOString().slice(0, 10)} with \`${command}\`.\n\n${table}\n${end}`;
  // A function, so `$` in the table is never read as a replacement pattern.
  writeFileSync(file, text.replace(new RegExp(`${begin}[\\s\\S]*${end}`), () => stamped));
}
