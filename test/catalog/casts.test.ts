import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { introspect } from "../../src/catalog/introspect.js";
import type { Catalog } from "../../src/catalog/model.js";
import { catalogToSql } from "../../src/sql/ddl.js";
import type { PgliteDatabase } from "../../src/db/pglite.js";
import { PgliteScratch } from "../helpers/pglite.js";

const SQL = `
create extension file_fdw;
create schema a;
create schema b;
create domain a.color as int;
create function a.to_json(a.color) returns json language sql immutable as 'select to_json($1)';
create cast (a.color as json) with function a.to_json(a.color) as implicit;
create type b.mood as enum ('sad', 'happy');
create type b.feeling as enum ('sad', 'happy');
create cast (b.mood as b.feeling) with inout as assignment;
create function b.from_point(point) returns boolean language sql immutable as 'select true';
create cast (point as boolean) with function b.from_point(point);
create cast (bool as "char") without function;
comment on cast (b.mood as b.feeling) is 'same labels';
create type b.hour as range (subtype = int4);

create server plain foreign data wrapper file_fdw;
create server "Odd One" type 'x' version '2' foreign data wrapper file_fdw;
comment on server "Odd One" is 'odd';
revoke usage on foreign server plain from postgres;
create server used_by_b foreign data wrapper file_fdw;
create foreign table b.files (line text) server used_by_b options (filename '/dev/null');
`;

describe("casts and foreign servers in the model", () => {
  const scratch = new PgliteScratch();
  let db: PgliteDatabase;
  let catalog: Catalog;
  before(async () => {
    db = await scratch.acquire();
    await db.exec(SQL);
    catalog = await introspect(db);
  });
  after(() => scratch.close());

  it("reads user-defined casts of each method and context, not those CREATE TYPE … AS RANGE makes", () => {
    assert.deepEqual(catalog.casts, [
      { source: "a.color", target: "json", method: "function", function: "a.to_json(a.color)", context: "implicit" },
      { source: "b.mood", target: "b.feeling", method: "inout", context: "assignment", comment: "same labels" },
      { source: "boolean", target: '"char"', method: "binary", context: "explicit" },
      { source: "point", target: "boolean", method: "function", function: "b.from_point(point)", context: "explicit" },
    ]);
  });

  it("keeps, for a schema filter, the casts touching its schemas and those among built-in types", async () => {
    const onlyA = await introspect(db, { schemas: ["a"] });
    assert.deepEqual(
      onlyA.casts.map((c) => `${c.source} -> ${c.target}`),
      ["a.color -> json", 'boolean -> "char"'],
    );
    const onlyB = await introspect(db, { schemas: ["b"] });
    assert.deepEqual(
      onlyB.casts.map((c) => `${c.source} -> ${c.target}`),
      ["b.mood -> b.feeling", 'boolean -> "char"', "point -> boolean"],
    );
  });

  it("writes each cast after its function", () => {
    const ddl = catalogToSql(catalog);
    assert.ok(ddl.includes("CREATE CAST (a.color AS json) WITH FUNCTION a.to_json(a.color) AS IMPLICIT;"));
    assert.ok(ddl.includes("CREATE CAST (b.mood AS b.feeling) WITH INOUT AS ASSIGNMENT;"));
    assert.ok(ddl.includes('CREATE CAST (boolean AS "char") WITHOUT FUNCTION;'));
    assert.ok(ddl.indexOf("CREATE FUNCTION b.from_point") < ddl.indexOf("CREATE CAST (point AS boolean)"));
  });

  it("reads foreign servers with type, version, comment and privileges", () => {
    assert.deepEqual(catalog.foreignServers, [
      { name: "Odd One", owner: "postgres", comment: "odd", wrapper: "file_fdw", type: "x", version: "2" },
      { name: "plain", owner: "postgres", acl: [], wrapper: "file_fdw" },
      { name: "used_by_b", owner: "postgres", wrapper: "file_fdw" },
    ]);
  });

  it("keeps, for a schema filter, the servers its foreign tables use and the servers no table uses", async () => {
    assert.deepEqual((await introspect(db, { schemas: ["a"] })).foreignServers.map((s) => s.name), ["Odd One", "plain"]);
    assert.deepEqual(
      (await introspect(db, { schemas: ["b"] })).foreignServers.map((s) => s.name),
      ["Odd One", "plain", "used_by_b"],
    );
  });
});
