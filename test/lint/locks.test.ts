import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import type { Database } from "../../src/db/queryable.js";
import { statementLocks } from "../../src/lint/locks.js";
import { parseMigration } from "../../src/lint/statements.js";
import { loadParser } from "../../src/sql/parser.js";
import { lockLevel, strongest } from "../helpers/lock-watch.js";
import { PgliteScratch } from "../helpers/pglite.js";
import { scratchDatabase, serverUnavailable } from "../helpers/server.js";

/**
 * The lock each statement takes, as `pg-schema lint` reports it (src/lint/locks.ts), checked against PostgreSQL
 * itself: the statement runs in a transaction and pg_locks says which lock this session holds on each named object.
 * Statements that cannot run in a transaction (CONCURRENTLY, VACUUM) are checked against the documentation only.
 */
const SETUP = `
CREATE TABLE customers (id bigint PRIMARY KEY);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, note text, CONSTRAINT orders_note_check CHECK (note <> '') NOT VALID);
CREATE INDEX orders_note_idx ON orders (note);
CREATE MATERIALIZED VIEW order_counts AS SELECT customer_id, count(*) AS n FROM orders GROUP BY 1;
CREATE UNIQUE INDEX order_counts_key ON order_counts (customer_id);
CREATE TABLE events (at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
`;

/** [statement, expected locks: object → mode]; `engine: false` for statements a transaction block refuses. */
const CASES: readonly [string, Record<string, string>, { engine: false }?][] = [
  ["ALTER TABLE orders ADD COLUMN extra text;", { "public.orders": "ACCESS EXCLUSIVE" }],
  ["ALTER TABLE orders ADD CONSTRAINT orders_customer_fkey FOREIGN KEY (customer_id) REFERENCES customers NOT VALID;", { "public.orders": "SHARE ROW EXCLUSIVE", "public.customers": "SHARE ROW EXCLUSIVE" }],
  ["ALTER TABLE orders VALIDATE CONSTRAINT orders_note_check;", { "public.orders": "SHARE UPDATE EXCLUSIVE" }],
  ["ALTER TABLE orders SET (fillfactor = 80);", { "public.orders": "SHARE UPDATE EXCLUSIVE" }],
  ["ALTER TABLE orders ALTER COLUMN note SET STATISTICS 500;", { "public.orders": "SHARE UPDATE EXCLUSIVE" }],
  ["ALTER TABLE orders DISABLE TRIGGER ALL;", { "public.orders": "SHARE ROW EXCLUSIVE" }],
  ["CREATE INDEX orders_customer_idx ON orders (customer_id);", { "public.orders": "SHARE" }],
  ["CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);", { "public.orders": "SHARE UPDATE EXCLUSIVE" }, { engine: false }],
  ["DROP INDEX orders_note_idx;", { "public.orders_note_idx": "ACCESS EXCLUSIVE" }],
  ["DROP INDEX CONCURRENTLY orders_note_idx;", { "public.orders_note_idx": "SHARE UPDATE EXCLUSIVE" }, { engine: false }],
  ["DROP TABLE orders CASCADE;", { "public.orders": "ACCESS EXCLUSIVE" }],
  ["TRUNCATE orders;", { "public.orders": "ACCESS EXCLUSIVE" }],
  ["COMMENT ON TABLE orders IS 'x';", { "public.orders": "SHARE UPDATE EXCLUSIVE" }],
  ["COMMENT ON COLUMN orders.note IS 'x';", { "public.orders": "SHARE UPDATE EXCLUSIVE" }],
  ["REINDEX INDEX orders_note_idx;", { "public.orders_note_idx": "ACCESS EXCLUSIVE" }],
  ["REINDEX TABLE orders;", { "public.orders": "SHARE" }],
  ["REINDEX (CONCURRENTLY false) INDEX orders_note_idx;", { "public.orders_note_idx": "ACCESS EXCLUSIVE" }],
  ["REINDEX INDEX CONCURRENTLY orders_note_idx;", { "public.orders_note_idx": "SHARE UPDATE EXCLUSIVE" }, { engine: false }],
  ["VACUUM orders;", { "public.orders": "SHARE UPDATE EXCLUSIVE" }, { engine: false }],
  ["VACUUM (FULL) orders;", { "public.orders": "ACCESS EXCLUSIVE" }, { engine: false }],
  ["VACUUM (FULL false) orders;", { "public.orders": "SHARE UPDATE EXCLUSIVE" }, { engine: false }],
  ["VACUUM (FULL 'off') orders;", { "public.orders": "SHARE UPDATE EXCLUSIVE" }, { engine: false }],
  ["CLUSTER orders USING orders_pkey;", { "public.orders": "ACCESS EXCLUSIVE" }],
  ["REFRESH MATERIALIZED VIEW order_counts;", { "public.order_counts": "ACCESS EXCLUSIVE" }],
  ["REFRESH MATERIALIZED VIEW CONCURRENTLY order_counts;", { "public.order_counts": "EXCLUSIVE" }],
  ["LOCK TABLE orders IN ROW SHARE MODE;", { "public.orders": "ROW SHARE" }],
  ["LOCK TABLE orders;", { "public.orders": "ACCESS EXCLUSIVE" }],
  ["UPDATE orders SET note = 'x';", { "public.orders": "ROW EXCLUSIVE" }],
  ["ALTER TABLE events DETACH PARTITION events_2026;", { "public.events": "ACCESS EXCLUSIVE" }],
  ["ALTER TABLE events DETACH PARTITION events_2026 CONCURRENTLY;", { "public.events": "SHARE UPDATE EXCLUSIVE" }, { engine: false }],
  ["CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger();", { "public.orders": "SHARE ROW EXCLUSIVE" }],
];

const ours = async (sql: string): Promise<Record<string, string>> => {
  const statement = parseMigration(await loadParser(), "lock.sql", sql).statements[0]!;
  return Object.fromEntries(statementLocks(statement).map((l) => [l.table, l.mode]));
};

/** The strongest lock this session holds on `object` while `sql` runs in an open transaction. */
async function held(db: Database, sql: string, objects: readonly string[]): Promise<Record<string, string>> {
  return db.session(async (s) => {
    await s.exec(SETUP);
    await s.exec("BEGIN");
    try {
      // Named by oid, taken before the statement: a dropped relation is gone from pg_class inside the transaction.
      const oids = await s.query<{ oid: number; object: string }>(
        "select c.oid::int8::float8 as oid, n.nspname || '.' || c.relname as object from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public'",
      );
      await s.exec(sql);
      const locks = await s.query<{ oid: number; mode: string }>(
        "select relation::int8::float8 as oid, mode from pg_locks where pid = pg_backend_pid() and locktype = 'relation' and granted",
      );
      const rows = locks.flatMap((l) => oids.filter((o) => Number(o.oid) === Number(l.oid)).map((o) => ({ object: o.object, mode: l.mode })));
      const out: Record<string, string> = {};
      for (const object of objects) {
        const mode = strongest(rows.filter((r) => r.object === object).map((r) => lockLevel(r.mode)));
        if (mode) out[object] = mode;
      }
      return out;
    } finally {
      await s.exec("ROLLBACK");
      await s.exec("DROP TABLE IF EXISTS events, orders, customers CASCADE; DROP MATERIALIZED VIEW IF EXISTS order_counts");
    }
  });
}

describe("lint's lock analysis per statement", () => {
  for (const [sql, expected] of CASES) it(`${sql} → ${JSON.stringify(expected)}`, async () => assert.deepEqual(await ours(sql), expected));
});

const scratch = new PgliteScratch();
after(() => scratch.close());

describe("lint's lock analysis agrees with the locks PostgreSQL takes (pg_locks in an open transaction)", async () => {
  const unavailable = await serverUnavailable();
  for (const engine of ["PGlite", "server"] as const) {
    it(engine, { skip: engine === "server" ? (unavailable ?? false) : false }, async () => {
      const server = engine === "server" ? await scratchDatabase("pgs_locks") : undefined;
      const db = server?.db ?? (await scratch.acquire());
      try {
        for (const [sql, expected, options] of CASES) {
          if (options?.engine === false) continue;
          assert.deepEqual(await held(db, sql, Object.keys(expected)), expected, sql);
        }
      } finally {
        await server?.drop();
      }
    });
  }
});
