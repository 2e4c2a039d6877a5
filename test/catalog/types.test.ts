import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { introspect } from "../../src/catalog/introspect.js";
import type { Catalog, TypeDefinition } from "../../src/catalog/model.js";
import { catalogToSql } from "../../src/sql/ddl.js";
import { PgliteScratch } from "../helpers/pglite.js";

/** 51 ASCII letters and a two-byte letter: the derived multirange name must cut before the ü, as PostgreSQL does. */
const LONG_NAME = `${"a".repeat(51)}ü`;

const SQL = `
create schema t;
create collation t.numeric_icu (provider = icu, locale = '@colNumeric=yes');
create collation t.ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false, rules = '&a < b');
create collation t.split (provider = libc, lc_collate = 'C', lc_ctype = 'POSIX');
create collation t.builtin (provider = builtin, locale = 'C.UTF-8');
comment on collation t.ci is 'case-insensitive';

create type t.mood as enum ('sad', 'happy');
alter type t.mood add value 'meh' before 'happy';
revoke usage on type t.mood from public;

create domain t.price as numeric(10,2) default 0 not null check (value >= 0);
create domain t.later as text collate t.numeric_icu constraint must_be_set not null;
alter domain t.later add constraint short check (length(value) < 5) not valid;
comment on constraint short on domain t.later is 'checked later';
create domain t.plain_text as text;

create type t.pair as ("Left" int, label text collate t.ci, price t.price);
comment on column t.pair.label is 'the label';

create type t.span;
create function t.span_canonical(t.span) returns t.span language internal immutable strict as 'int4range_canonical';
create type t.span as range (subtype = int4, canonical = t.span_canonical);
create type t.textrange as range (subtype = text, subtype_opclass = text_pattern_ops, collation = "C",
  multirange_type_name = t.text_ranges);
create type t.floatrange as range (subtype = float8, subtype_diff = float8mi);
create type t."${LONG_NAME}" as range (subtype = int8);
`;

describe("collations and types in the model", () => {
  const scratch = new PgliteScratch();
  let catalog: Catalog;
  before(async () => {
    const db = await scratch.acquire();
    await db.exec(SQL);
    catalog = await introspect(db);
  });
  after(() => scratch.close());

  const type = (name: string): TypeDefinition => {
    const found = catalog.types.find((t) => t.name === name);
    assert.ok(found, `type ${name}`);
    return found;
  };

  it("reads collations of each provider", () => {
    assert.deepEqual(catalog.collations, [
      { schema: "t", name: "builtin", owner: "postgres", provider: "builtin", locale: "C.UTF-8", deterministic: true },
      {
        schema: "t",
        name: "ci",
        owner: "postgres",
        provider: "icu",
        locale: "und-u-ks-level2",
        deterministic: false,
        rules: "&a < b",
        comment: "case-insensitive",
      },
      { schema: "t", name: "numeric_icu", owner: "postgres", provider: "icu", locale: "@colNumeric=yes", deterministic: true },
      { schema: "t", name: "split", owner: "postgres", provider: "libc", lcCollate: "C", lcCtype: "POSIX", deterministic: true },
    ]);
  });

  it("reads enum labels in sort order, and a revoked privilege", () => {
    assert.deepEqual(type("mood"), {
      kind: "enum",
      schema: "t",
      name: "mood",
      owner: "postgres",
      labels: ["sad", "meh", "happy"],
      acl: [{ grantee: "postgres", privilege: "USAGE", grantable: false }],
    });
  });

  it("reads domains: typmod, collation, default, NOT NULL with its name, checks with NOT VALID apart", () => {
    assert.deepEqual(type("price"), {
      kind: "domain",
      schema: "t",
      name: "price",
      owner: "postgres",
      baseType: "numeric(10,2)",
      default: "0",
      notNull: true,
      constraints: [{ name: "price_check", definition: "CHECK ((VALUE >= (0)::numeric))" }],
    });
    assert.deepEqual(type("later"), {
      kind: "domain",
      schema: "t",
      name: "later",
      owner: "postgres",
      baseType: "text",
      collation: "t.numeric_icu",
      notNull: true,
      notNullConstraint: { name: "must_be_set" },
      constraints: [{ name: "short", definition: "CHECK ((length(VALUE) < 5))", notValid: true, comment: "checked later" }],
    });
    assert.deepEqual(type("plain_text"), {
      kind: "domain",
      schema: "t",
      name: "plain_text",
      owner: "postgres",
      baseType: "text",
      notNull: false,
      constraints: [],
    });
  });

  it("reads composite attributes with types, collations that differ from the type's, and comments", () => {
    assert.deepEqual(type("pair"), {
      kind: "composite",
      schema: "t",
      name: "pair",
      owner: "postgres",
      attributes: [
        { name: "Left", type: "integer" },
        { name: "label", type: "text", collation: "t.ci", comment: "the label" },
        { name: "price", type: "t.price" },
      ],
    });
  });

  it("reads ranges: opclass, collation, functions, and the multirange only when not the derived name", () => {
    assert.deepEqual(type("span"), {
      kind: "range",
      schema: "t",
      name: "span",
      owner: "postgres",
      subtype: "integer",
      canonical: "t.span_canonical(t.span)",
    });
    assert.deepEqual(type("textrange"), {
      kind: "range",
      schema: "t",
      name: "textrange",
      owner: "postgres",
      subtype: "text",
      subtypeOpclass: "pg_catalog.text_pattern_ops",
      collation: 'pg_catalog."C"',
      multirange: { schema: "t", name: "text_ranges" },
    });
    assert.deepEqual(type("floatrange"), {
      kind: "range",
      schema: "t",
      name: "floatrange",
      owner: "postgres",
      subtype: "double precision",
      subtypeDiff: "pg_catalog.float8mi(double precision,double precision)",
    });
  });

  it("derives a long range's multirange name by bytes, as PostgreSQL does", () => {
    assert.deepEqual(type(LONG_NAME), { kind: "range", schema: "t", name: LONG_NAME, owner: "postgres", subtype: "bigint" });
  });

  it("writes a range's canonical function between the range's shell and its definition", () => {
    const ddl = catalogToSql(catalog);
    const shell = ddl.indexOf("CREATE TYPE t.span;");
    const fn = ddl.indexOf("CREATE FUNCTION t.span_canonical(t.span)");
    const range = ddl.indexOf("CREATE TYPE t.span AS RANGE");
    assert.ok(shell >= 0 && shell < fn && fn < range, "shell, function, range");
    assert.ok(ddl.includes("ALTER DOMAIN t.later ADD CONSTRAINT short CHECK ((length(VALUE) < 5)) NOT VALID;"));
    assert.ok(ddl.includes("CONSTRAINT must_be_set NOT NULL"));
  });
});
