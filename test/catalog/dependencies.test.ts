import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { introspect } from "../../src/catalog/introspect.js";
import type { Catalog } from "../../src/catalog/model.js";
import { objectIdsOf } from "../../src/catalog/object-ids-of.js";
import { searchPathOf } from "../../src/catalog/read/dependency-sql-bodies.js";
import { loadSqlParser, namesInSql } from "../../src/catalog/read/dependency-sql-names.js";
import { PgliteScratch } from "../helpers/pglite.js";

const SQL = `
create extension earthdistance cascade;
create extension pg_trgm with schema public;
create schema d;
create table d.parent (id serial primary key, spot public.cube, label text);
create function d.label_default() returns text language plpgsql as $$ begin return 'x'; end $$;
create table d.child (id int references d.parent, label text default d.label_default());
create index parent_label_trgm on d.parent using gin (label public.gin_trgm_ops);
create view d.parent_ids as select id from d.parent;
create function d.count_parents() returns bigint language sql stable as $$ select count(*) from d.parent $$;
create function d.via_path() returns bigint language sql stable set search_path = d as $$ select count(*) from child $$;
create function d.ping() returns trigger language plpgsql as $$ begin return new; end $$;
create trigger ping after insert on d.child for each row execute function d.ping();
create policy own_rows on d.child using (label = current_user);
create table d.quota (n int);
create function d.quota_left() returns bigint language sql stable as $$ select 10 - count(*) from d.quota $$;
alter table d.quota add constraint quota_check check (d.quota_left() >= 0);
set check_function_bodies = false;
create function d.even(int) returns boolean language sql as $$ select $1 = 0 or d.odd($1 - 1) $$;
create function d.odd(int) returns boolean language sql as $$ select $1 <> 0 and d.even($1 - 1) $$;
reset check_function_bodies;
-- A hand-edited catalog can lose pg_depend rows (PostgREST's test schema rewrites a function's oid).
create function d.orphan() returns int language sql as 'select 1';
delete from pg_catalog.pg_depend where classid = 'pg_catalog.pg_proc'::regclass and objid = 'd.orphan()'::regprocedure;
`;

describe("the dependency graph", () => {
  const scratch = new PgliteScratch();
  let catalog: Catalog;
  let edges: Set<string>;
  before(async () => {
    const db = await scratch.acquire();
    await db.exec(SQL);
    catalog = await introspect(db);
    edges = new Set(catalog.dependencies.map((d) => `${d.from} -> ${d.to}`));
  });
  after(() => scratch.close());

  const assertEdge = (from: string, to: string) => assert.ok(edges.has(`${from} -> ${to}`), `missing ${from} -> ${to}`);
  const assertNoEdge = (from: string, to: string) => assert.ok(!edges.has(`${from} -> ${to}`), `unexpected ${from} -> ${to}`);

  it("maps extension members to their extension", () => {
    assertEdge("column:d.parent.spot", "extension:cube");
    assertEdge("index:d.parent_label_trgm", "extension:pg_trgm");
    assertEdge("extension:earthdistance", "extension:cube");
  });

  it("keeps what columns, views, constraints, triggers and policies need", () => {
    assertEdge("column:d.parent.id", "sequence:d.parent_id_seq");
    assertEdge("column:d.child.label", "function:d.label_default()");
    assertEdge("view:d.parent_ids", "column:d.parent.id");
    assertEdge("constraint:d.child.child_id_fkey", "column:d.parent.id");
    assertEdge("index:d.parent_label_trgm", "column:d.parent.label");
    assertEdge("trigger:d.child.ping", "function:d.ping()");
    assertEdge("trigger:d.child.ping", "table:d.child");
    assertEdge("policy:d.child.own_rows", "table:d.child");
  });

  it("drops ownership: OWNED BY sequences, constraint indexes, self edges", () => {
    assertNoEdge("sequence:d.parent_id_seq", "column:d.parent.id");
    assertNoEdge("index:d.parent_pkey", "constraint:d.parent.parent_pkey");
    for (const d of catalog.dependencies) assert.notEqual(d.from, d.to);
  });

  it("adds what string bodies of SQL functions read, through their search_path", () => {
    assertEdge("function:d.count_parents()", "table:d.parent");
    assertEdge("function:d.via_path()", "table:d.child");
  });

  it("leaves out a body edge that would close a cycle, even through a table's parts", () => {
    assertEdge("constraint:d.quota.quota_check", "function:d.quota_left()");
    assertNoEdge("function:d.quota_left()", "table:d.quota");
    assertEdge("function:d.even(integer)", "function:d.odd(integer)");
    assertNoEdge("function:d.odd(integer)", "function:d.even(integer)");
  });

  it("states that every schema-qualified object needs its schema, recorded or not", () => {
    assertEdge("function:d.orphan()", "schema:d");
    assertEdge("index:d.parent_label_trgm", "schema:d");
    assertNoEdge("column:d.parent.id", "schema:d");
  });

  it("has only edges between objects of the catalog", () => {
    const ids = objectIdsOf(catalog);
    for (const d of catalog.dependencies) assert.ok(ids.has(d.from) && ids.has(d.to), `${d.from} -> ${d.to}`);
  });
});

describe("names in SQL bodies", () => {
  before(() => loadSqlParser());

  it("finds relations, functions, types and regclass literals, not CTEs", () => {
    const names = namesInSql(
      `with recent as (select 1) insert into app.log select x::app.mood, app.f(1), g() from recent, "Odd"."T" ` +
        `where exists (select 1 from plain); select nextval('app."Seq"'::regclass)`,
    );
    assert.deepEqual(names?.relations, [
      { schema: "app", name: "log" },
      { schema: "Odd", name: "T" },
      { name: "plain" },
      { schema: "app", name: "Seq" },
    ]);
    assert.deepEqual(names?.functions, [{ schema: "app", name: "f" }, { name: "g" }, { name: "nextval" }]);
    assert.deepEqual(
      names?.types.filter((t) => t.name !== "regclass"),
      [{ schema: "app", name: "mood" }],
    );
  });

  it("gives up on text that does not parse", () => {
    assert.equal(namesInSql("select from where"), undefined);
  });

  it("reads a search_path setting", () => {
    assert.deepEqual(searchPathOf(['search_path="$user", public, "My Schema", pg_temp']), ["public", "My Schema"]);
    assert.deepEqual(searchPathOf(['search_path=""']), []);
    assert.equal(searchPathOf(["work_mem=64MB"]), undefined);
  });
});
