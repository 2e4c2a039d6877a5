import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { introspect } from "../../src/catalog/introspect.js";
import type { Catalog } from "../../src/catalog/model.js";
import { openPglite } from "../../src/db/open.js";
import type { Database } from "../../src/db/queryable.js";
import { insertSampleRows, type SampleReport } from "../../src/sample/index.js";
import { qname } from "../../src/sql/ident.js";
import { scratchDatabase, serverUnavailable } from "../helpers/server.js";

/**
 * The fixture schema holds every constraint form the generator claims to understand; on it every requested row must
 * go in at the first try of its table (no table rejects a row), on PGlite (PostgreSQL 18) and on the server (15).
 */
const FIXTURE = readFileSync(new URL("./fixture-schema.sql", import.meta.url), "utf8");
const ROWS = 60;

interface Target {
  readonly name: string;
  readonly skip: string | false;
  readonly open: () => Promise<{ db: Database; close: () => Promise<void> }>;
}

const unavailable = await serverUnavailable();
const TARGETS: Target[] = [
  {
    name: "PGlite",
    skip: false,
    open: async () => {
      const db = await openPglite({ extensions: ["btree_gist", "citext"] });
      return { db, close: () => db.close() };
    },
  },
  {
    name: "the server (PostgreSQL 15)",
    skip: unavailable === undefined ? false : `${unavailable}; server sample test skipped`,
    open: async () => {
      const s = await scratchDatabase("pgs_sample");
      return { db: s.db, close: () => s.drop() };
    },
  },
];

async function freshFixture(db: Database): Promise<Catalog> {
  await db.exec("drop schema if exists app cascade; drop schema if exists other cascade;");
  await db.exec(FIXTURE);
  return introspect(db);
}

const count = async (db: Database, sql: string): Promise<number> => Number((await db.query<{ n: string }>(`select (${sql})::text as n`))[0]!.n);

for (const target of TARGETS) {
  describe(`insertSampleRows on ${target.name}`, { skip: target.skip }, () => {
    let db: Database;
    let close: () => Promise<void>;
    let report: SampleReport;
    before(async () => {
      ({ db, close } = await target.open());
      report = await insertSampleRows(db, await freshFixture(db), { rows: ROWS });
    });
    after(async () => close?.());

    it("fills every table with every requested row, none rejected", () => {
      const short = report.tables.filter((t) => t.inserted !== ROWS || t.rejected !== 0 || t.skipped !== undefined);
      assert.deepEqual(short, [], JSON.stringify(short, null, 2));
      assert.equal(report.inserted, ROWS * report.tables.length);
      assert.ok(report.tables.length >= 14, `${report.tables.length} tables`);
      assert.ok(!report.tables.some((t) => t.table.name.startsWith("event_")), "partitions are filled through their parent");
    });

    it("fills parents before children, and cuts cycles at a nullable or deferrable key", () => {
      const order = report.tables.map((t) => qname(t.table));
      const before = (a: string, b: string): boolean => order.indexOf(a) < order.indexOf(b);
      assert.ok(before("app.tenant", "app.customer") && before("app.customer", "app.invoice") && before("app.room", "app.booking"), order.join(", "));
      assert.ok(before("app.account", "app.address"), "account.primary_address_id is the key left NULL at first");
      assert.ok(before("app.department", "app.employee"), "department.head_id is the deferrable key");
    });

    it("keeps composite foreign keys consistent with the single-column ones", async () => {
      // Every invoice's customer belongs to the invoice's tenant, so both keys hold (the database checked them);
      // the generator got there without a refusal.
      assert.equal(await count(db, "select count(*) from app.invoice i join app.customer c on c.tenant_id = i.tenant_id and c.id = i.customer_id"), ROWS);
      assert.equal(await count(db, "select count(distinct tenant_id) from app.invoice"), await count(db, "select count(distinct tenant_id) from app.invoice i where exists (select 1 from app.tenant t where t.id = i.tenant_id)"));
      const referred = await count(db, "select count(*) from app.customer c join app.customer r on r.tenant_id = c.tenant_id and r.id = c.referred_by");
      assert.ok(referred > ROWS / 4, `${referred} customers referred by an earlier customer of their tenant`);
      const booked = await count(db, "select count(*) from app.booking where customer_id is not null");
      assert.ok(booked > ROWS / 2, `${booked} bookings with a customer`);
    });

    it("points later rows of a self-referencing table at earlier ones, and fills cut cycle keys afterwards", async () => {
      const children = await count(db, "select count(*) from app.category c join app.category p on p.id = c.parent_id where p.id < c.id");
      assert.ok(children > ROWS / 2, `${children} categories with an earlier parent`);
      assert.equal(await count(db, "select count(*) from app.department d join app.employee e on e.id = d.head_id"), ROWS);
      const pointed = await count(db, "select count(*) from app.account where primary_address_id is not null");
      assert.ok(pointed > ROWS / 2 && pointed < ROWS, `${pointed} accounts with a primary address`);
    });

    it("fills nullable columns mostly, soft-delete columns rarely, and honours each row's CHECK branch", async () => {
      const phones = await count(db, "select count(phone) from app.customer");
      assert.ok(phones > ROWS * 0.6 && phones < ROWS, `${phones} phones`);
      const deleted = await count(db, "select count(deleted_at) from app.customer");
      assert.ok(deleted < ROWS * 0.3, `${deleted} deleted`);
      const xor = await count(db, "select count(*) from app.product where (category_id is null) <> (discontinued_at is null)");
      assert.equal(xor, ROWS);
      assert.ok((await count(db, "select count(category_id) from app.product")) > ROWS / 4, "both branches are taken");
    });

    it("writes realistic values that meet the CHECKs", async () => {
      const [c] = await db.query<{ email: string; phone: string }>("select email::text, phone from app.customer where phone is not null limit 1");
      assert.match(c!.email, /^[^@\s]+@[^@\s]+\.[a-z]+$/);
      assert.match(c!.phone, /^\+1[2-9]\d{9}$/);
      assert.equal(await count(db, "select count(*) from app.invoice where currency ~ '^[A-Z]{3}$' and kind in ('standard', 'credit', 'proforma') and total > 0"), ROWS);
      assert.ok((await count(db, "select count(*) from app.invoice where cardinality(tags) > 0")) > 0, "some invoices have tags");
      assert.equal(await count(db, "select count(*) from app.invoice where search is not null"), ROWS);
      assert.equal(await count(db, "select count(*) from app.booking where starts_at < ends_at and ends_at - starts_at < interval '1 day'"), ROWS);
      assert.equal(await count(db, "select count(distinct tableoid) from app.event"), 2, "rows in the 2025 partition and in the default one");
      const [dates] = await db.query<{ lo: string; hi: string }>("select min(issued_on)::text as lo, max(issued_on)::text as hi from app.invoice");
      assert.ok(dates!.lo >= "2025-11-01" && dates!.hi <= "2026-03-02", JSON.stringify(dates));
    });

    it("leaves a key to a table outside the sampled schemas NULL, or skips its table when it cannot", async () => {
      await db.exec("truncate other.note, other.tag");
      const r = await insertSampleRows(db, await introspect(db), { schemas: ["other"], rows: (t) => (t.name === "tag" ? 7 : 3) });
      const byName = new Map(r.tables.map((t) => [t.table.name, t]));
      assert.deepEqual([...byName.keys()].sort(), ["note", "tag"]);
      assert.match(byName.get("note")!.skipped ?? "", /note_tenant_id_fkey references a table that is not being filled/);
      assert.equal(byName.get("tag")!.inserted, 7);
      assert.equal(await count(db, "select count(tenant_id) from other.tag"), 0);
    });
  });
}

describe("insertSampleRows on PGlite: determinism and speed", () => {
  let db: Database;
  before(async () => {
    db = await openPglite({ extensions: ["btree_gist", "citext"] });
  });
  after(async () => db?.close());

  const tableDump = async (catalog: Catalog): Promise<string> => {
    const out: string[] = [];
    for (const t of catalog.tables.filter((t) => !t.partitionOf)) {
      const [row] = await db.query<{ j: string }>(`select coalesce(json_agg(x order by x::text), '[]')::text as j from ${qname(t)} x`);
      out.push(`${qname(t)} ${row!.j}`);
    }
    return out.join("\n");
  };

  it("gives the same rows for the same seed, others for another", async () => {
    const dumps: string[] = [];
    for (const seed of [7, 7, 8]) {
      // Recreated tables start their identities over: the same empty schema each time.
      const catalog = await freshFixture(db);
      await insertSampleRows(db, catalog, { rows: 20, seed });
      dumps.push(await tableDump(catalog));
    }
    assert.ok(dumps[0]!.length > 10_000, `${dumps[0]!.length} characters of rows`);
    assert.equal(dumps[0], dumps[1]);
    assert.notEqual(dumps[0], dumps[2]);
  });

  it("inserts simple tables in batches, thousands of rows a second", async () => {
    await db.exec(`
      create schema speed;
      create table speed.item (id bigint generated always as identity primary key, name text not null, qty int not null check (qty >= 0),
        price numeric(10, 2), created_at timestamptz not null, active boolean not null, email text unique);
      create table speed.line (id bigint generated always as identity primary key, item_id bigint not null references speed.item, note text, amount int);`);
    const catalog = await introspect(db);
    const started = performance.now();
    const report = await insertSampleRows(db, catalog, { rows: 10_000, schemas: ["speed"] });
    const seconds = (performance.now() - started) / 1000;
    const perSecond = Math.round(report.inserted / seconds);
    console.log(`sample speed on PGlite: ${report.inserted} rows in ${seconds.toFixed(2)} s = ${perSecond} rows/s`);
    assert.equal(report.inserted, 20_000);
    // The target is 10k rows/s on an idle machine; the floor leaves room for a busy test run.
    assert.ok(perSecond > 3000, `${perSecond} rows/s`);
  });
});
