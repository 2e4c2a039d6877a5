import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { introspect } from "../../src/catalog/introspect.js";
import type { Catalog } from "../../src/catalog/model.js";
import { PgliteScratch } from "../helpers/pglite.js";

const SQL = `
create schema u;
create table u.t (a int, b int);
create table u.p (a int not null) partition by list (a);
create table u.p1 partition of u.p for values in (1);
create function u.noop() returns trigger language plpgsql as $$ begin return new; end $$;
create trigger noop after insert on u.p for each row execute function u.noop();
alter table u.p1 disable trigger noop;
create operator u.=== (function = pg_catalog.int4eq, leftarg = int, rightarg = int);
create operator family u.fam using btree;
create statistics u."Stats ✓" (dependencies) on a, b from u.t;
create type u.shell;
create publication pub_t for table u.t;
create publication pub_all for all tables;
create foreign data wrapper plain_fdw;
create server plain_server foreign data wrapper plain_fdw;
create user mapping for postgres server plain_server;
create access method u_heap type table handler pg_catalog.heap_tableam_handler;
create extension cube;
create function u.uses_cube() returns int language sql as 'select 1';
alter function u.uses_cube() depends on extension cube;
`;

describe("objects the model does not cover", () => {
  const scratch = new PgliteScratch();
  let catalog: Catalog;
  before(async () => {
    const db = await scratch.acquire();
    await db.exec(SQL);
    catalog = await introspect(db);
  });
  after(() => scratch.close());

  const has = (kind: string, identity: string) =>
    assert.ok(
      catalog.unmodeled.some((u) => u.kind === kind && u.identity === identity),
      `missing ${kind} ${identity} in ${JSON.stringify(catalog.unmodeled)}`,
    );

  it("reports operators, operator families, statistics objects and shell types with their schema", () => {
    assert.deepEqual(
      catalog.unmodeled.find((u) => u.kind === "statistics object"),
      { kind: "statistics object", identity: 'u."Stats ✓"', schema: "u" },
    );
    has("operator", "u.===(integer,integer)");
    has("operator family", "u.fam USING btree");
    has("type", "u.shell");
  });

  it("reports publications, their tables, wrappers, user mappings and access methods", () => {
    has("publication", "pub_t");
    has("publication", "pub_all");
    has("publication relation", "u.t in publication pub_t");
    has("foreign-data wrapper", "plain_fdw");
    has("user mapping", "postgres on server plain_server");
    has("access method", "u_heap");
  });

  it("reports a partition's trigger clone whose enabled state differs from its parent's", () => {
    has("trigger", "noop on u.p1");
  });

  it("reports DEPENDS ON EXTENSION marks", () => {
    has("extension dependency", "function u.uses_cube() depends on extension cube");
  });

  it("leaves out extension members and what the model covers", () => {
    assert.ok(
      !catalog.unmodeled.some((u) => u.kind !== "extension dependency" && u.identity.includes("cube")),
      JSON.stringify(catalog.unmodeled),
    );
    assert.ok(!catalog.unmodeled.some((u) => u.kind === "table" || u.kind === "function"));
  });
});
