import { after, describe, it } from "node:test";
import { applySql } from "../../src/sources/apply-sql.js";
import { CORPUS_MISSING, corpusNames, corpusSql, NEEDS_POSTGIS } from "../helpers/corpus.js";
import { PgliteScratch } from "../helpers/pglite.js";
import { assertSameDump, assertSameSchema, type Loader, roundTripPglite, roundTripServer } from "../helpers/round-trip.js";
import { serverUnavailable } from "../helpers/server.js";

/**
 * The proof of the model on schemas written by other people: load → inspect → DDL → load → inspect must give the
 * same catalog, and on the server the same `pg_dump --schema-only` (which sees kinds our model might miss on both
 * sides).
 */
const loadCorpus =
  (name: string): Loader =>
  (db, _sql) =>
    db.session((s) => applySql(s, [corpusSql(name)]));

describe("corpus round trip on the server (PostgreSQL 15)", async () => {
  const unavailable = await serverUnavailable();
  for (const name of corpusNames()) {
    it(name, { skip: CORPUS_MISSING ?? unavailable ?? false, timeout: 300_000 }, async () => {
      const { before, after: reloaded, dumpBefore, dumpAfter } = await roundTripServer("", loadCorpus(name));
      assertSameSchema(reloaded, before, name);
      assertSameDump(dumpBefore, dumpAfter, `${name} pg_dump`);
    });
  }
});

describe("corpus round trip on PGlite (PostgreSQL 18)", () => {
  const scratch = new PgliteScratch();
  after(() => scratch.close());
  for (const name of corpusNames()) {
    const skip = CORPUS_MISSING ?? (NEEDS_POSTGIS.has(name) ? "needs PostGIS, which PGlite does not ship" : false);
    it(name, { skip, timeout: 300_000 }, async () => {
      const { before, after: reloaded } = await roundTripPglite(scratch, "", loadCorpus(name));
      assertSameSchema(reloaded, before, name);
    });
  }
});
