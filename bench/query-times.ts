/**
 * Server-side cost of the catalog queries `inspect` sends: each `src/catalog/queries/*.sql`, resolved for the server
 * and the database's schemas as `introspect` resolves it, run alone through psql (`\timing`, rows discarded) with the
 * same session settings, best of `--runs` (default 5). The sum is what the server works if the queries ran one after
 * the other; `inspect` pipelines them on one connection, so its wait can be shorter than the sum.
 *
 *   node --import tsx bench/query-times.ts postgres://postgres@127.0.0.1/cmp_musicbrainz [--runs 5]
 */
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { parseArgs } from "node:util";
import { catalogQuery } from "../src/catalog/sql-template.js";

const { values, positionals } = parseArgs({ options: { runs: { type: "string" } }, allowPositionals: true });
const url = positionals[0];
if (!url) throw new Error("usage: query-times.ts <postgres://…> [--runs N]");
const runs = Number(values.runs ?? 5);

const psql = (sql: string): string =>
  execFileSync("psql", ["-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", url], { input: sql, encoding: "utf8", maxBuffer: 1 << 30 });

const SETTINGS =
  "begin transaction isolation level repeatable read, read only;\n" +
  "select pg_catalog.set_config('search_path', '', true), pg_catalog.set_config('timezone', 'UTC', true), " +
  "pg_catalog.set_config('datestyle', 'ISO, YMD', true), pg_catalog.set_config('intervalstyle', 'postgres', true), " +
  "pg_catalog.set_config('extra_float_digits', '3', true), pg_catalog.set_config('jit', 'off', true) \\g /dev/null\n";

const versionNum = Number(psql("show server_version_num").trim());
const schemas = psql(catalogQuery("schema-names", versionNum)).trim().split("\n").filter(Boolean);
const dir = new URL("../src/catalog/queries/", import.meta.url);
const names = readdirSync(dir).filter((f) => f.endsWith(".sql")).map((f) => f.slice(0, -4)).sort();

const results: { name: string; ms: number; rows: number; kb: number }[] = [];
for (const name of names) {
  const text = catalogQuery(name, versionNum, schemas);
  const script = `${SETTINGS}\\timing on\n${`${text} \\g /dev/null\n`.repeat(runs)}\\timing off\nselect count(*), coalesce(sum(pg_catalog.octet_length(q::text)), 0) from (${text}) q;\ncommit;\n`;
  const out = psql(script).trim().split("\n");
  const times = out.filter((l) => l.startsWith("Time: ")).map((l) => Number(/Time: ([\d.]+) ms/.exec(l)![1]));
  const [rows, bytes] = out.at(-1)!.split("|").map(Number);
  results.push({ name, ms: Math.min(...times), rows: rows!, kb: bytes! / 1024 });
}
results.sort((a, b) => b.ms - a.ms);
const total = results.reduce((s, r) => s + r.ms, 0);
process.stdout.write(`PostgreSQL ${versionNum}, ${schemas.length} schemas, best of ${runs}\n`);
for (const r of results) {
  process.stdout.write(`${r.ms.toFixed(1).padStart(8)} ms ${String(r.rows).padStart(7)} rows ${r.kb.toFixed(0).padStart(7)} kB  ${r.name}\n`);
}
process.stdout.write(`${total.toFixed(1).padStart(8)} ms  total, one after the other\n`);
