import { readdirSync, readFileSync } from "node:fs";
import { after, describe, it } from "node:test";
import { PgliteScratch } from "../helpers/pglite.js";
import { assertSameDump, assertSameSchema, roundTripPglite, roundTripServer } from "../helpers/round-trip.js";
import { serverUnavailable } from "../helpers/server.js";

/**
 * Every `test/fixtures/catalog/*.sql` is loaded, inspected, written back as DDL, loaded into a fresh database and
 * inspected again: both catalogs must be equal, and on the server so must `pg_dump --schema-only` of both databases.
 * A first-line comment `-- engines: server` (or `pglite`) limits a fixture to one engine, with the reason after it.
 */
const dir = new URL("../fixtures/catalog/", import.meta.url);
const fixtures = readdirSync(dir).filter((f) => f.endsWith(".sql")).sort();

function enginesOf(sql: string): string[] {
  const m = /^--\s*engines:\s*([a-z, ]+)/m.exec(sql);
  return m ? m[1]!.split(",").map((s) => s.trim()) : ["pglite", "server"];
}

describe("catalog round trip on PGlite (PostgreSQL 18)", () => {
  const scratch = new PgliteScratch();
  after(() => scratch.close());
  for (const file of fixtures) {
    const sql = readFileSync(new URL(file, dir), "utf8");
    const skip = enginesOf(sql).includes("pglite") ? false : "fixture limited to the server";
    it(file, { skip }, async () => {
      const { before, after: reloaded } = await roundTripPglite(scratch, sql);
      assertSameSchema(reloaded, before);
    });
  }
});

describe("catalog round trip on the server", async () => {
  const unavailable = await serverUnavailable();
  for (const file of fixtures) {
    const sql = readFileSync(new URL(file, dir), "utf8");
    const skip = unavailable ?? (enginesOf(sql).includes("server") ? false : "fixture limited to PGlite");
    it(file, { skip }, async () => {
      const { before, after: reloaded, dumpBefore, dumpAfter } = await roundTripServer(sql);
      assertSameSchema(reloaded, before);
      assertSameDump(dumpBefore, dumpAfter);
    });
  }
});
