import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { introspect } from "../../src/catalog/introspect.js";
import type { Catalog } from "../../src/catalog/model.js";
import { catalogToSql } from "../../src/sql/ddl.js";
import { PgliteScratch } from "../helpers/pglite.js";

const SQL = `
create extension unaccent;
create schema ts;
create text search dictionary ts.keep (template = simple, accept = false, stopwords = 'english');
create text search configuration ts.mb_simple (copy = pg_catalog.simple);
alter text search configuration ts.mb_simple
  alter mapping for word, hword, hword_part with unaccent, simple;
create text search configuration ts."Layered" (parser = "default");
alter text search configuration ts."Layered" add mapping for int, asciiword with ts.keep, english_stem;
comment on text search configuration ts."Layered" is 'two dictionaries';
comment on text search dictionary ts.keep is 'keeps';
`;

describe("text search objects in the model", () => {
  const scratch = new PgliteScratch();
  let catalog: Catalog;
  before(async () => {
    const db = await scratch.acquire();
    await db.exec(SQL);
    catalog = await introspect(db);
  });
  after(() => scratch.close());

  it("reads dictionaries with their template and init options as stored", () => {
    assert.deepEqual(catalog.textSearchDictionaries, [
      {
        schema: "ts",
        name: "keep",
        owner: "postgres",
        template: "pg_catalog.simple",
        options: "accept = 'false', stopwords = 'english'",
        comment: "keeps",
      },
    ]);
  });

  it("reads mappings in token type order, dictionaries in the order consulted", () => {
    const layered = catalog.textSearchConfigurations.find((c) => c.name === "Layered");
    assert.deepEqual(layered, {
      schema: "ts",
      name: "Layered",
      owner: "postgres",
      parser: 'pg_catalog."default"',
      mappings: [
        { tokenType: "asciiword", dictionaries: ["ts.keep", "pg_catalog.english_stem"] },
        { tokenType: "int", dictionaries: ["ts.keep", "pg_catalog.english_stem"] },
      ],
      comment: "two dictionaries",
    });
    const simple = catalog.textSearchConfigurations.find((c) => c.name === "mb_simple");
    const word = simple?.mappings.find((m) => m.tokenType === "word");
    assert.deepEqual(word?.dictionaries, ["public.unaccent", "pg_catalog.simple"]);
    assert.equal(simple?.mappings.length, 19);
  });

  it("writes a configuration from its parser, then its mappings, after its dictionaries", () => {
    const ddl = catalogToSql(catalog);
    assert.ok(ddl.includes('CREATE TEXT SEARCH CONFIGURATION ts."Layered" (PARSER = pg_catalog."default");'));
    assert.ok(ddl.includes('ALTER TEXT SEARCH CONFIGURATION ts."Layered" ADD MAPPING FOR "int" WITH ts.keep, pg_catalog.english_stem;'));
    assert.ok(ddl.indexOf("CREATE TEXT SEARCH DICTIONARY ts.keep") < ddl.indexOf('CREATE TEXT SEARCH CONFIGURATION ts."Layered"'));
  });
});
