import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { describe, it } from "node:test";
import { catalogQuery } from "../../src/catalog/sql-template.js";
import { loadParser } from "../../src/sql/parser.js";

/**
 * The catalog queries are run here on PostgreSQL 15 (server) and 18 (PGlite) only; for 13, 14, 16 and 17 this at
 * least proves every version switch resolves to text PostgreSQL's grammar accepts.
 */
const names = readdirSync(new URL("../../src/catalog/queries/", import.meta.url))
  .filter((f) => f.endsWith(".sql"))
  .map((f) => f.slice(0, -4));

describe("catalog queries for every supported server version", () => {
  for (const version of [130000, 140000, 150000, 160000, 170000, 180000]) {
    it(`resolve and parse for PostgreSQL ${version / 10000}`, async () => {
      const parser = await loadParser();
      for (const name of names) {
        const text = catalogQuery(name, version);
        assert.doesNotMatch(text, /\{\{|\}\}/, `${name}: unresolved template for ${version}`);
        assert.doesNotThrow(() => parser.parseSync(text), `${name} does not parse for ${version}`);
      }
    });
  }
});
