import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { introspect } from "../../src/catalog/introspect.js";
import type { Catalog, Index } from "../../src/catalog/model.js";
import { keyDecorations } from "../../src/catalog/read/index-keys.js";
import { catalogToSql } from "../../src/sql/ddl.js";
import { PgliteScratch } from "../helpers/pglite.js";

const SQL = `
create extension pg_trgm;
create schema i;
create table i.doc (id int primary key, title text collate "C", body text, created timestamptz, score int);
create index doc_keys on i.doc (lower(title) text_pattern_ops desc nulls last, created nulls first, title collate "POSIX", title collate "C")
  include (score) with (fillfactor = 60);
create index doc_recent on i.doc (created) where score > 0;
alter index i.doc_keys alter column 1 set statistics 400;
create index doc_trgm on i.doc using gist (body gist_trgm_ops (siglen = 48));
alter table i.doc cluster on doc_keys;
comment on index i.doc_keys is 'several keys';

create table i.event (id int, at date) partition by range (at);
create table i.event_2024 partition of i.event for values from ('2024-01-01') to ('2025-01-01');
create index event_at on i.event (at);
create index event_id on only i.event (id);
create materialized view i.doc_count as select count(*) as n from i.doc;
create index doc_count_n on i.doc_count (n);
`;

describe("indexes in the model", () => {
  const scratch = new PgliteScratch();
  let catalog: Catalog;
  before(async () => {
    const db = await scratch.acquire();
    await db.exec(SQL);
    catalog = await introspect(db);
  });
  after(() => scratch.close());

  const index = (name: string): Index | undefined => catalog.indexes.find((x) => x.name === name);

  it("keeps operator classes, collations and ordering only where they are not the default", () => {
    assert.deepEqual(index("doc_keys"), {
      schema: "i",
      name: "doc_keys",
      table: { schema: "i", name: "doc" },
      method: "btree",
      unique: false,
      keys: [
        {
          expression: "lower(title)",
          opclass: "pg_catalog.text_pattern_ops",
          descending: true,
          nullsFirst: false,
          statistics: 400,
        },
        { column: "created", nullsFirst: true },
        { column: "title", collation: 'pg_catalog."POSIX"' },
        { column: "title" },
      ],
      include: ["score"],
      storageParameters: ["fillfactor=60"],
      clustered: true,
      definition:
        'CREATE INDEX doc_keys ON i.doc USING btree (lower(title) text_pattern_ops DESC NULLS LAST, created NULLS FIRST, title COLLATE "POSIX", title) INCLUDE (score) WITH (fillfactor=\'60\')',
      comment: "several keys",
    });
  });

  it("reads a partial index, operator class options, and the constraint behind an index", () => {
    assert.equal(index("doc_recent")!.predicate, "(score > 0)");
    assert.deepEqual(index("doc_trgm")!.keys, [{ column: "body", opclass: "public.gist_trgm_ops", opclassOptions: ["siglen=48"] }]);
    assert.equal(index("doc_pkey")!.constraint, "doc_pkey");
    assert.equal(index("doc_count_n")!.table.name, "doc_count");
  });

  it("links partition indexes to their parent and reads an index left on the parent only as invalid", () => {
    assert.deepEqual(index("event_2024_at_idx")!.partitionOf, { schema: "i", name: "event_at" });
    assert.equal(index("event_at")!.invalid, undefined);
    assert.equal(index("event_id")!.invalid, true);
    assert.equal(index("event_id")!.definition, "CREATE INDEX event_id ON ONLY i.event USING btree (id)");
  });

  it("writes partitioned indexes pg_dump's way and constraint indexes through their constraint", () => {
    const ddl = catalogToSql(catalog);
    assert.match(ddl, /CREATE INDEX event_at ON ONLY i\.event USING btree \(at\);/);
    assert.match(ddl, /ALTER INDEX i\.event_at ATTACH PARTITION i\.event_2024_at_idx;/);
    assert.match(ddl, /ALTER INDEX i\.doc_keys ALTER COLUMN 1 SET STATISTICS 400;/);
    assert.match(ddl, /ALTER TABLE i\.doc CLUSTER ON doc_keys;/);
    assert.doesNotMatch(ddl, /CREATE UNIQUE INDEX doc_pkey/);
    assert.match(ddl, /ALTER TABLE ONLY i\.doc ADD CONSTRAINT doc_pkey PRIMARY KEY \(id\);/);
  });

  it("finds each key's COLLATE and operator class in the definition, whatever the names hold", () => {
    const definition = `CREATE INDEX "a USING btree (" ON s."t" USING btree ("x, y" COLLATE "C" s."Odd ops" (k='a, b') DESC, (a || 'x'::text))`;
    assert.deepEqual(keyDecorations(definition, "btree", ['"x, y"', "(a || 'x'::text)"]), [
      { collation: true, opclass: true },
      { collation: false, opclass: false },
    ]);
  });
});
