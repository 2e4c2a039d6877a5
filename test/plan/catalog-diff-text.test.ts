import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Catalog, Table } from "../../src/catalog/model.js";
import { catalogDiffText, catalogDifferences } from "../../src/plan/catalog-diff-text.js";
import { catalogRoles } from "../../src/plan/catalog-roles.js";
import { comparableJson } from "../../src/plan/proof-view.js";

const empty: Catalog = {
  formatVersion: 1, server: { versionNum: 180000 }, schemas: [], extensions: [], collations: [], types: [], sequences: [],
  tables: [], indexes: [], views: [], materializedViews: [], routines: [], triggers: [], eventTriggers: [], rules: [],
  policies: [], casts: [], textSearchConfigurations: [], textSearchDictionaries: [], foreignServers: [],
  defaultPrivileges: [], dependencies: [], unmodeled: [],
};

const users = (email: Partial<Table["columns"][number]> = {}, owner = "app"): Table => ({
  schema: "public",
  name: "users",
  owner,
  columns: [
    { name: "id", type: "integer", notNull: true },
    { name: "email", type: "text", notNull: false, ...email },
  ],
  constraints: [],
  acl: [{ grantee: "reader", privilege: "SELECT", grantable: false, grantor: "boss" }],
});

const withTables = (...tables: Table[]): Catalog => ({ ...empty, tables });

describe("catalogDifferences", () => {
  it("names differing paths by identity, left → right", () => {
    assert.deepEqual(catalogDifferences(withTables(users()), withTables(users({ notNull: true }))), [
      "tables[public.users].columns[email].notNull: false → true",
    ]);
    const added = catalogDifferences(withTables(users()), withTables(users({ default: "''::text" })));
    assert.deepEqual(added, [`tables[public.users].columns[email].default: absent → "''::text"`]);
  });

  it("shows a whole object that is only on one side, and lists of plain values whole", () => {
    const [line] = catalogDifferences(empty, withTables(users()));
    assert.match(line!, /^tables\[public\.users\]: absent → \{"schema":"public".*…$/);
    const a = { ...empty, types: [{ kind: "enum", schema: "public", name: "mood", owner: "app", labels: ["a"] }] } as unknown as Catalog;
    const b = { ...empty, types: [{ kind: "enum", schema: "public", name: "mood", owner: "app", labels: ["a", "b"] }] } as unknown as Catalog;
    assert.deepEqual(catalogDifferences(a, b), ['types[public.mood].labels: ["a"] → ["a","b"]']);
  });

  it("stops after the limit and says there is more; equal catalogs give nothing", () => {
    const many = withTables(...["a", "b", "c"].map((n) => ({ ...users(), name: n })));
    assert.equal(catalogDiffText(empty, many, 2).split("\n").length, 3);
    assert.match(catalogDiffText(empty, many, 2), /… and more$/);
    assert.equal(catalogDiffText(many, many), "");
  });
});

describe("catalogRoles and comparableJson", () => {
  it("finds owners, grantees, grantors, default-privilege and policy roles, without PUBLIC", () => {
    const c: Catalog = {
      ...withTables(users()),
      policies: [{ table: { schema: "public", name: "users" }, name: "p", command: "all", permissive: true, roles: ["PUBLIC", "writer"] }],
      defaultPrivileges: [{ role: "deployer", objectType: "tables", grants: [{ grantee: "PUBLIC", privilege: "SELECT", grantable: false }] }],
    };
    assert.deepEqual(catalogRoles(c, withTables(users({}, "other"))), ["app", "boss", "deployer", "other", "reader", "writer"]);
  });

  it("ignores owners and grantors when the plan leaves owners alone, and privileges when it leaves those alone", () => {
    const a = withTables(users({}, "app"));
    const b = withTables(users({}, "postgres"));
    assert.notEqual(comparableJson(a, { owners: true, privileges: true }), comparableJson(b, { owners: true, privileges: true }));
    assert.equal(comparableJson(a, { owners: false, privileges: true }), comparableJson(b, { owners: false, privileges: true }));
    const noAcl = withTables({ ...users(), acl: undefined } as Table);
    assert.equal(comparableJson(a, { owners: true, privileges: false }), comparableJson(noAcl, { owners: true, privileges: false }));
  });
});
