/**
 * The statistics reader (src/stats) on every driver: PGlite and postgres.js under Node, Bun.sql under Bun (`npx bun
 * test test/db`; the Bun.sql case is reported skipped under Node). Counters must come back as numbers, flags as
 * booleans, int8 positions as decimal strings, whatever the driver, since the live lint rules compare them.
 * Uses only node:test and node:assert/strict, so both runners run it.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, it } from "node:test";
import { withDatabase } from "../../src/db/connection-url.js";
import { isBunRuntime, openDatabase, openPglite } from "../../src/db/open.js";
import type { Database } from "../../src/db/queryable.js";
import { readLiveDatabase } from "../../src/sources/live.js";

const SERVER_URL = process.env.PGSCHEMA_TEST_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const onBun = isBunRuntime();
if (onBun) {
  const specifier = "bun:test";
  ((await import(specifier)) as { setDefaultTimeout(ms: number): void }).setDefaultTimeout(120_000);
}

async function serverSkip(): Promise<string | undefined> {
  try {
    await (await openDatabase(SERVER_URL, { driver: "postgres-js", max: 1 })).close();
    return undefined;
  } catch (e) {
    return `no PostgreSQL server (${(e as Error).message}); set PGSCHEMA_TEST_URL`;
  }
}
const noServer = await serverSkip();

const WORKLOAD = "CREATE TABLE counters (id serial PRIMARY KEY, n bigint NOT NULL); SELECT setval('counters_id_seq', 2000000000); INSERT INTO counters (n) VALUES (1), (2);";

async function check(db: Database): Promise<void> {
  await db.exec(WORKLOAD);
  const { catalog, stats } = await readLiveDatabase(db);
  assert.ok(catalog.tables.some((t) => t.name === "counters"));
  assert.equal(typeof stats.versionNum, "number");
  assert.equal(typeof stats.frozenXidAge, "number");
  assert.equal(typeof stats.freezeMaxAge, "number");
  assert.equal(stats.inRecovery, false);
  assert.match(stats.readAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  assert.match(stats.countingSince, /^\d{4}-\d\d-\d\dT/);
  assert.match(stats.encoding, /^[A-Z0-9_]+$/);
  const table = stats.tables.find((t) => t.name === "counters")!;
  for (const key of ["seqScans", "indexScans", "liveRows", "inserts", "tableBytes", "indexBytes", "frozenXidAge"] as const) assert.equal(typeof table[key], "number", key);
  assert.ok(table.tableBytes > 0);
  assert.deepEqual(stats.sequences.find((s) => s.name === "counters_id_seq"), { schema: "public", name: "counters_id_seq", lastValue: "2000000002" });
  assert.ok(stats.indexes.some((i) => i.name === "counters_pkey" && typeof i.scans === "number" && typeof i.bytes === "number"));
}

async function onServer(driver: "postgres-js" | "bun-sql"): Promise<void> {
  const name = `pgs_stats_${randomBytes(4).toString("hex")}`;
  const admin = await openDatabase(SERVER_URL, { driver: "postgres-js", max: 1 });
  await admin.exec(`CREATE DATABASE ${name}`);
  try {
    const db = await openDatabase(withDatabase(SERVER_URL, name), { driver, max: 1 });
    try {
      await check(db);
    } finally {
      await db.close();
    }
  } finally {
    await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  }
}

describe("the statistics reader returns the same typed data on every driver", () => {
  it("PGlite", async () => {
    const db = await openPglite();
    try {
      await check(db);
    } finally {
      await db.close();
    }
  });
  it("postgres.js", { skip: noServer ?? false }, () => onServer("postgres-js"));
  it("Bun.sql", { skip: !onBun ? "Bun.sql runs only under Bun (npx bun test test/db)" : (noServer ?? false) }, () => onServer("bun-sql"));
});
