import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { introspect } from "../../src/catalog/introspect.js";
import type { Catalog, Table } from "../../src/catalog/model.js";
import { defaultObjectName } from "../../src/catalog/read/table-default-names.js";
import { catalogToSql } from "../../src/sql/ddl.js";
import { PgliteScratch } from "../helpers/pglite.js";

const SQL = `
create schema t;
create type t.mood as enum ('sad', 'happy');
create table t.person (
  id bigint generated always as identity (start with 10 increment by 5),
  "Full Name" varchar(80) collate "C" not null default 'anon',
  mood t.mood[],
  twice bigint generated always as (id * 2) stored,
  gone int,
  note text constraint note_required not null,
  score numeric check (score >= 0),
  constraint person_pkey primary key (id) include ("Full Name")
) with (fillfactor = 70, toast.autovacuum_enabled = false);
alter table t.person drop column gone;
alter table t.person alter column note set storage external, alter column score set statistics 300,
  alter column score set (n_distinct = 10);
comment on column t.person.note is 'free text';
grant select (note) on t.person to public;
alter table t.person enable row level security;
alter table t.person replica identity full;

create table t.visit (
  person_id bigint references t.person (id) on delete set null (person_id) deferrable initially deferred,
  at timestamptz not null,
  kind text,
  unique nulls not distinct (person_id, at)
) partition by range (at);
create table t.visit_2024 partition of t.visit for values from ('2024-01-01 00:00:00+00') to ('2025-01-01 00:00:00+00');
create table t.visit_rest partition of t.visit default;
alter table t.visit add constraint kind_known check (kind in ('in', 'out')) not valid;

create table t.base (id int not null, tag text default 'base');
create table t.child (extra int) inherits (t.base);
alter table t.child alter column tag set default 'child';
`;

describe("tables in the model", () => {
  const scratch = new PgliteScratch();
  let catalog: Catalog;
  before(async () => {
    const db = await scratch.acquire();
    await db.exec(SQL);
    catalog = await introspect(db);
  });
  after(() => scratch.close());

  const table = (name: string): Table | undefined => catalog.tables.find((t) => t.schema === "t" && t.name === name);

  it("reads columns, identity, generated columns, settings and constraints, without dropped columns", () => {
    assert.deepEqual(table("person"), {
      schema: "t",
      name: "person",
      owner: "postgres",
      columns: [
        {
          name: "id",
          type: "bigint",
          notNull: true,
          identity: {
            generation: "always",
            sequenceName: "person_id_seq",
            dataType: "bigint",
            start: "10",
            increment: "5",
            min: "1",
            max: "9223372036854775807",
            cache: "1",
            cycle: false,
          },
        },
        { name: "Full Name", type: "character varying(80)", collation: 'pg_catalog."C"', notNull: true, default: "'anon'::character varying" },
        { name: "mood", type: "t.mood[]", notNull: false },
        { name: "twice", type: "bigint", notNull: false, generated: { kind: "stored", expression: "(id * 2)" } },
        {
          name: "note",
          type: "text",
          notNull: true,
          notNullConstraint: { name: "note_required" },
          storage: "external",
          comment: "free text",
          acl: [{ grantee: "PUBLIC", privilege: "SELECT", grantable: false }],
        },
        { name: "score", type: "numeric", notNull: false, statistics: 300, options: ["n_distinct=10"] },
      ],
      constraints: [
        {
          kind: "primary-key",
          name: "person_pkey",
          definition: 'PRIMARY KEY (id) INCLUDE ("Full Name")',
          columns: ["id"],
          include: ["Full Name"],
          index: "person_pkey",
        },
        { kind: "check", name: "person_score_check", definition: "CHECK ((score >= (0)::numeric))", expression: "(score >= (0)::numeric)" },
      ],
      replicaIdentity: "full",
      storageParameters: ["fillfactor=70", "toast.autovacuum_enabled=false"],
      rowLevelSecurity: true,
    });
  });

  it("reads a partitioned table, its foreign key, NOT VALID check and partitions", () => {
    const visit = table("visit")!;
    assert.deepEqual(visit.partitioning, { strategy: "range", key: "RANGE (at)" });
    assert.deepEqual(
      visit.constraints.map((k) => k.name),
      ["kind_known", "visit_person_id_at_key", "visit_person_id_fkey"],
    );
    assert.deepEqual(visit.constraints[0], {
      kind: "check",
      name: "kind_known",
      definition: "CHECK ((kind = ANY (ARRAY['in'::text, 'out'::text]))) NOT VALID",
      expression: "(kind = ANY (ARRAY['in'::text, 'out'::text]))",
      notValid: true,
    });
    assert.deepEqual(visit.constraints[1], {
      kind: "unique",
      name: "visit_person_id_at_key",
      definition: "UNIQUE NULLS NOT DISTINCT (person_id, at)",
      columns: ["person_id", "at"],
      nullsNotDistinct: true,
      index: "visit_person_id_at_key",
    });
    assert.deepEqual(visit.constraints[2], {
      kind: "foreign-key",
      name: "visit_person_id_fkey",
      definition:
        "FOREIGN KEY (person_id) REFERENCES t.person(id) ON DELETE SET NULL (person_id) DEFERRABLE INITIALLY DEFERRED",
      columns: ["person_id"],
      references: { table: { schema: "t", name: "person" }, columns: ["id"] },
      match: "simple",
      onUpdate: "no action",
      onDelete: "set null",
      onDeleteColumns: ["person_id"],
      deferrable: true,
      initiallyDeferred: true,
    });
    // Partitions hold none of the parent's constraints (clones), and a NOT NULL named after the parent's is default.
    const partition = table("visit_2024")!;
    assert.deepEqual(partition.partitionOf, {
      parent: { schema: "t", name: "visit" },
      bound: "FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00')",
    });
    assert.deepEqual(partition.constraints, []);
    assert.deepEqual(partition.columns.find((c) => c.name === "at"), { name: "at", type: "timestamp with time zone", notNull: true });
    assert.equal(table("visit_rest")!.partitionOf?.bound, "DEFAULT");
  });

  it("marks the columns a classic inheritance child only inherits", () => {
    const child = table("child")!;
    assert.deepEqual(child.inherits, [{ schema: "t", name: "base" }]);
    assert.deepEqual(child.columns, [
      { name: "id", type: "integer", notNull: true, inherited: true },
      { name: "tag", type: "text", notNull: false, inherited: true, default: "'child'::text" },
      { name: "extra", type: "integer", notNull: false },
    ]);
  });

  it("writes one CREATE TABLE with inline NOT NULL, defaults and CHECKs, and attaches partitions", () => {
    const ddl = catalogToSql(catalog);
    assert.match(
      ddl,
      /CREATE TABLE t\.person \(\n {4}id bigint GENERATED ALWAYS AS IDENTITY \(START WITH 10 INCREMENT BY 5\) NOT NULL,\n {4}"Full Name" character varying\(80\) COLLATE pg_catalog\."C" DEFAULT 'anon'::character varying NOT NULL,/,
    );
    assert.match(ddl, /CONSTRAINT person_score_check CHECK \(\(score >= \(0\)::numeric\)\)\n\) WITH \(fillfactor='70', toast\.autovacuum_enabled='false'\);/);
    assert.match(ddl, /ALTER TABLE ONLY t\.visit ATTACH PARTITION t\.visit_rest DEFAULT;/);
    assert.match(ddl, /CREATE TABLE t\.child \(\n {4}extra integer\n\) INHERITS \(t\.base\);\n\nALTER TABLE ONLY t\.child\n {4}ALTER COLUMN tag SET DEFAULT 'child'::text;/);
    // Foreign keys come after every table and unique constraint.
    assert.ok(ddl.indexOf("ADD CONSTRAINT visit_person_id_fkey") > ddl.indexOf("ADD CONSTRAINT person_pkey"));
  });

  it("derives default names the way PostgreSQL shortens them", () => {
    assert.equal(defaultObjectName("t", "c", "not_null"), "t_c_not_null");
    const long = "x".repeat(60);
    assert.equal(defaultObjectName(long, "column", "seq"), `${"x".repeat(52)}_column_seq`);
    // Never cut inside a multibyte character: each "é" is two bytes.
    assert.equal(defaultObjectName("é".repeat(40), "c", "not_null"), `${"é".repeat(26)}_c_not_null`);
  });
});
