/**
 * What `pg-schema inspect --json <postgres://…>` spends in process, phase by phase, with the built library (dist/,
 * as the CLI runs): module load, connecting, the catalog read (`introspect`: queries pipelined with the decoding and
 * model building), canonical JSON, and RSS / heap after each phase. One fresh process per run; prints the median.
 *
 *   npm run build && node bench/inspect-phases.mjs postgres://postgres@127.0.0.1/cmp_musicbrainz [--runs 5]
 */
import { execFileSync } from "node:child_process";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({ options: { runs: { type: "string" }, child: { type: "boolean" } }, allowPositionals: true });
const url = positionals[0];
if (!url) throw new Error("usage: inspect-phases.mjs <postgres://…> [--runs N]");

if (values.child) {
  const mb = () => {
    const m = process.memoryUsage();
    return { rss: m.rss / 2 ** 20, heap: m.heapUsed / 2 ** 20, heapTotal: m.heapTotal / 2 ** 20, external: m.external / 2 ** 20 };
  };
  const out = { startMs: performance.now(), start: mb() };
  let t = performance.now();
  const lib = await import("../dist/index.js");
  out.importMs = performance.now() - t;
  out.import = mb();
  t = performance.now();
  const db = await lib.openDatabase(url);
  await db.query("select 1");
  out.connectMs = performance.now() - t;
  t = performance.now();
  const catalog = await lib.introspect(db);
  out.introspectMs = performance.now() - t;
  out.introspect = mb();
  t = performance.now();
  const json = `${lib.canonicalJson(catalog)}\n`;
  out.jsonMs = performance.now() - t;
  out.json = mb();
  out.jsonKb = Buffer.byteLength(json) / 1024;
  t = performance.now();
  await db.close();
  out.closeMs = performance.now() - t;
  process.stdout.write(`${JSON.stringify(out)}\n`);
  process.exit(0);
}

const runs = Number(values.runs ?? 5);
const results = [];
for (let i = 0; i <= runs; i++) {
  const r = JSON.parse(execFileSync(process.execPath, [new URL(import.meta.url).pathname, url, "--child"], { encoding: "utf8" }));
  if (i > 0) results.push(r);
}
const median = (f) => {
  const v = results.map(f).sort((a, b) => a - b);
  return v[Math.floor(v.length / 2)];
};
const line = (label, f, unit) => process.stdout.write(`${label.padEnd(50)} ${median(f).toFixed(unit === "ms" ? 0 : 1).padStart(7)} ${unit}\n`);
process.stdout.write(`${url}: median of ${runs} fresh processes after one warm-up\n`);
line("node start until main module runs", (r) => r.startMs, "ms");
line("import dist/index.js", (r) => r.importMs, "ms");
line("connect (postgres.js, first query)", (r) => r.connectMs, "ms");
line("introspect (queries + decode + model)", (r) => r.introspectMs, "ms");
line("canonicalJson", (r) => r.jsonMs, "ms");
line("close", (r) => r.closeMs, "ms");
line("RSS at start", (r) => r.start.rss, "MB");
line("RSS after import", (r) => r.import.rss, "MB");
line("RSS after introspect", (r) => r.introspect.rss, "MB");
line("RSS after canonicalJson", (r) => r.json.rss, "MB");
line("heap used after introspect", (r) => r.introspect.heap, "MB");
line("heap used after canonicalJson", (r) => r.json.heap, "MB");
line("heap reserved (heapTotal) after introspect", (r) => r.introspect.heapTotal, "MB");
line("external (Buffers, WASM memory) after introspect", (r) => r.introspect.external, "MB");
line("JSON output", (r) => r.jsonKb, "kB");
