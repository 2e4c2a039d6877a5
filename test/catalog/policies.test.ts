import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { introspect } from "../../src/catalog/introspect.js";
import type { Catalog } from "../../src/catalog/model.js";
import { catalogToSql } from "../../src/sql/ddl.js";
import { PgliteScratch } from "../helpers/pglite.js";

const SQL = `
do $$ begin create role reader; exception when duplicate_object then null; end $$;
do $$ begin create role "Writer Role"; exception when duplicate_object then null; end $$;
create schema p;
create table p.doc (id int, owner_name text, published boolean);
alter table p.doc enable row level security;
create policy everyone on p.doc for select using (published);
create policy "Named ""Roles""" on p.doc as restrictive for update to "Writer Role", reader
  using (owner_name = current_user) with check (owner_name = current_user and id > 0);
create policy insert_only on p.doc for insert to reader with check (published is not null);
comment on policy everyone on p.doc is 'published rows';

alter default privileges revoke execute on functions from public;
alter default privileges for role reader grant select on tables to "Writer Role" with grant option;
alter default privileges for role reader in schema p grant usage on sequences to public;
`;

describe("policies and default privileges in the model", () => {
  const scratch = new PgliteScratch();
  let catalog: Catalog;
  before(async () => {
    const db = await scratch.acquire();
    await db.exec(SQL);
    catalog = await introspect(db);
  });
  after(() => scratch.close());

  it("reads every property of a policy", () => {
    assert.deepEqual(catalog.policies, [
      {
        table: { schema: "p", name: "doc" },
        name: 'Named "Roles"',
        command: "update",
        permissive: false,
        roles: ["Writer Role", "reader"],
        using: "(owner_name = CURRENT_USER)",
        withCheck: "((owner_name = CURRENT_USER) AND (id > 0))",
      },
      {
        table: { schema: "p", name: "doc" },
        name: "everyone",
        command: "select",
        permissive: true,
        roles: ["PUBLIC"],
        using: "published",
        comment: "published rows",
      },
      {
        table: { schema: "p", name: "doc" },
        name: "insert_only",
        command: "insert",
        permissive: true,
        roles: ["reader"],
        withCheck: "(published IS NOT NULL)",
      },
    ]);
  });

  it("writes a policy with all its clauses", () => {
    assert.match(
      catalogToSql(catalog),
      /CREATE POLICY "Named ""Roles""" ON p\.doc AS RESTRICTIVE FOR UPDATE TO "Writer Role", reader USING \(\(owner_name = CURRENT_USER\)\) WITH CHECK \(\(\(owner_name = CURRENT_USER\) AND \(id > 0\)\)\);/,
    );
  });

  it("reads default privileges as stored, global ones in full", () => {
    assert.deepEqual(catalog.defaultPrivileges, [
      {
        role: "postgres",
        objectType: "functions",
        grants: [{ grantee: "postgres", privilege: "EXECUTE", grantable: false }],
      },
      {
        role: "reader",
        objectType: "tables",
        grants: [
          { grantee: "Writer Role", privilege: "SELECT", grantable: true },
          ...["DELETE", "INSERT", "MAINTAIN", "REFERENCES", "SELECT", "TRIGGER", "TRUNCATE", "UPDATE"].map((privilege) => ({
            grantee: "reader",
            privilege,
            grantable: false,
          })),
        ],
      },
      {
        role: "reader",
        schema: "p",
        objectType: "sequences",
        grants: [{ grantee: "PUBLIC", privilege: "USAGE", grantable: false }],
      },
    ]);
  });

  it("writes a global entry as revoke-all then grants, a schema entry as grants alone", () => {
    const sql = catalogToSql(catalog);
    assert.match(sql, /ALTER DEFAULT PRIVILEGES FOR ROLE postgres REVOKE ALL ON FUNCTIONS FROM PUBLIC;\n\nALTER DEFAULT PRIVILEGES FOR ROLE postgres REVOKE ALL ON FUNCTIONS FROM postgres;\n\nALTER DEFAULT PRIVILEGES FOR ROLE postgres GRANT EXECUTE ON FUNCTIONS TO postgres;/);
    assert.match(sql, /ALTER DEFAULT PRIVILEGES FOR ROLE reader IN SCHEMA p GRANT USAGE ON SEQUENCES TO PUBLIC;/);
    assert.doesNotMatch(sql, /IN SCHEMA p REVOKE/);
  });
});
