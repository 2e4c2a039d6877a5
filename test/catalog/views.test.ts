import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { introspect } from "../../src/catalog/introspect.js";
import type { Catalog } from "../../src/catalog/model.js";
import { catalogToSql } from "../../src/sql/ddl.js";
import { PgliteScratch } from "../helpers/pglite.js";

const SQL = `
create schema v;
create table v.account (id int primary key, name text, active boolean);
create view v.active (account_id, "Name") with (security_barrier, security_invoker = on) as
  select id, name from v.account where active
  with local check option;
alter view v.active alter column "Name" set default 'unnamed';
comment on column v.active."Name" is 'display name';
grant select ("Name") on v.active to public;
create view v.plain with (security_barrier = false) as select 1 as one;
create materialized view v.names with (fillfactor = 40) as select name from v.account with no data;
comment on materialized view v.names is 'for search';
`;

describe("views and materialized views in the model", () => {
  const scratch = new PgliteScratch();
  let catalog: Catalog;
  before(async () => {
    const db = await scratch.acquire();
    await db.exec(SQL);
    catalog = await introspect(db);
  });
  after(() => scratch.close());

  it("reads the query, options, column defaults, comments and column privileges", () => {
    assert.deepEqual(catalog.views.find((x) => x.name === "active"), {
      schema: "v",
      name: "active",
      owner: "postgres",
      definition: 'SELECT id AS account_id,\n    name AS "Name"\n   FROM v.account\n  WHERE active',
      columns: [
        { name: "account_id", type: "integer" },
        {
          name: "Name",
          type: "text",
          default: "'unnamed'::text",
          comment: "display name",
          acl: [{ grantee: "PUBLIC", privilege: "SELECT", grantable: false }],
        },
      ],
      checkOption: "local",
      securityBarrier: true,
      securityInvoker: true,
    });
  });

  it("treats a boolean option set to false as unset", () => {
    assert.deepEqual(catalog.views.find((x) => x.name === "plain"), {
      schema: "v",
      name: "plain",
      owner: "postgres",
      definition: "SELECT 1 AS one",
      columns: [{ name: "one", type: "integer" }],
    });
  });

  it("reads a materialized view that is not populated", () => {
    assert.deepEqual(catalog.materializedViews, [
      {
        schema: "v",
        name: "names",
        owner: "postgres",
        comment: "for search",
        definition: "SELECT name\n   FROM v.account",
        columns: [{ name: "name", type: "text" }],
        populated: false,
        storageParameters: ["fillfactor=40"],
      },
    ]);
  });

  it("writes views with their options and check option, and materialized views WITH NO DATA", () => {
    const ddl = catalogToSql(catalog);
    assert.match(
      ddl,
      /CREATE VIEW v\.active WITH \(security_barrier='true', security_invoker='true'\) AS\n SELECT id AS account_id,\n {4}name AS "Name"\n {3}FROM v\.account\n {2}WHERE active\n {2}WITH LOCAL CHECK OPTION;/,
    );
    assert.match(ddl, /ALTER VIEW v\.active ALTER COLUMN "Name" SET DEFAULT 'unnamed'::text;/);
    assert.match(ddl, /CREATE MATERIALIZED VIEW v\.names WITH \(fillfactor='40'\) AS\n SELECT name\n {3}FROM v\.account\n {2}WITH NO DATA;/);
  });
});
