/**
 * One PGlite measurement, run as its own process by inspect.bench.ts: start PGlite, apply a schema file, then time
 * `introspect` alone (median of 3) so the catalog read can be compared with the server's. Prints one JSON line.
 */
import { readFileSync } from "node:fs";
import { introspect } from "../src/catalog/introspect.js";
import { openPglite } from "../src/db/open.js";
import { PGLITE_CONTRIB_EXTENSIONS } from "../src/db/pglite.js";
import { applySql } from "../src/sources/apply-sql.js";

const file = process.argv[2];
if (!file) throw new Error("usage: pglite-introspect.ts <schema.sql>");
const started = performance.now();
const db = await openPglite({ extensions: PGLITE_CONTRIB_EXTENSIONS });
const opened = performance.now();
await db.session((s) => applySql(s, [{ name: file, text: readFileSync(file, "utf8") }]));
const loaded = performance.now();
const times: number[] = [];
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  await introspect(db);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
await db.close();
process.stdout.write(
  `${JSON.stringify({ startMs: opened - started, loadMs: loaded - opened, introspectMs: times[1], rssMb: process.memoryUsage().rss / 1e6 })}\n`,
);
