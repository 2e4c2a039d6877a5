/**
 * One contract for every database driver: the same cases run against PGlite and postgres.js everywhere, and against
 * Bun.sql under Bun (`npx bun test test/db`; reported as skipped under Node, never as passed).
 *
 * Server-backed drivers use PGSCHEMA_TEST_URL (default postgres://postgres@127.0.0.1:5432/postgres): each creates
 * its own scratch database there and drops it in `after`. When the server cannot be reached their cases are
 * skipped with a message naming host:port.
 *
 * Uses only node:test and node:assert/strict, so that `node --import tsx --test` and `bun test` both run it.
 */
import assert from "node:assert/strict";
import { randomBytes, randomInt } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { connectionTarget, withDatabase } from "../../src/db/connection-url.js";
import { ConnectionError, DatabaseError } from "../../src/db/errors.js";
import { isBunRuntime, openDatabase, openPglite, type WireDriverName } from "../../src/db/open.js";
import type { Database, DriverName, Queryable, Row } from "../../src/db/queryable.js";

const onBun = isBunRuntime();
if (onBun) {
  // bun test's default is 5 s per test and hook (node:test's `timeout` option is ignored for hooks); PGlite alone
  // takes ~5 s to start under Bun. The specifier is a variable so Node's TypeScript does not look for Bun's types.
  const specifier = "bun:test";
  const bunTest = (await import(specifier)) as { setDefaultTimeout(ms: number): void };
  bunTest.setDefaultTimeout(120_000);
}

const SERVER_URL = process.env.PGSCHEMA_TEST_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const server = connectionTarget(SERVER_URL);
const serverSkip = await probeServer();

async function probeServer(): Promise<string | undefined> {
  try {
    const db = await openDatabase(SERVER_URL, { driver: "postgres-js", max: 1 });
    await db.close();
    return undefined;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    const message = `no PostgreSQL server at ${server.host}:${server.port} (${reason}); set PGSCHEMA_TEST_URL to test against one`;
    console.warn(`[db contract] skipping server-backed drivers: ${message}`);
    return message;
  }
}

interface Started {
  readonly db: Database;
  /** Opens another pool on the same database (server-backed drivers only). */
  readonly reopen?: (max: number) => Promise<Database>;
  stop(): Promise<void>;
}

interface DriverSpec {
  readonly name: DriverName;
  readonly title: string;
  /** Why this driver cannot run here; its cases are then reported as skipped. */
  readonly skip?: string;
  /** Talks to a server over the network (has connection errors, other sessions). */
  readonly wire: boolean;
  /** How an int8 column arrives (catalog code casts int8 to text or int4 so that it never matters). */
  readonly int8: "string" | "number";
  start(): Promise<Started>;
}

const drivers: readonly DriverSpec[] = [
  {
    name: "pglite",
    title: "pglite (embedded PostgreSQL 18)",
    wire: false,
    int8: "number",
    async start() {
      const db = await openPglite();
      return { db, stop: () => db.close() };
    },
  },
  {
    name: "postgres-js",
    title: `postgres-js (${server.host}:${server.port})`,
    ...(serverSkip === undefined ? {} : { skip: serverSkip }),
    wire: true,
    int8: "string",
    start: () => startScratch("postgres-js"),
  },
  {
    name: "bun-sql",
    title: `bun-sql (${server.host}:${server.port})`,
    ...(onBun
      ? serverSkip === undefined
        ? {}
        : { skip: serverSkip }
      : { skip: `Bun.sql needs the Bun runtime (this is Node ${process.version}); run \`npx bun test test/db\`` }),
    wire: true,
    int8: "string",
    start: () => startScratch("bun-sql"),
  },
];

/** A uniquely named scratch database on the test server, created and dropped through `driver` itself. */
async function startScratch(driver: WireDriverName): Promise<Started> {
  const name = `pgschema_contract_${driver.replace("-", "_")}_${process.pid}_${randomBytes(4).toString("hex")}`;
  const url = withDatabase(SERVER_URL, name);
  const admin = await openDatabase(SERVER_URL, { driver, max: 1 });
  let db: Database | undefined;
  const stop = async (): Promise<void> => {
    try {
      await db?.close();
    } finally {
      try {
        await admin.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await admin.close();
      }
    }
  };
  try {
    await admin.query(`create database "${name}"`);
    db = await openDatabase(url, { driver });
  } catch (e) {
    await stop().catch(() => {});
    throw e;
  }
  return { db, reopen: (max) => openDatabase(url, { driver, max }), stop };
}

let counter = 0;
/** A fresh identifier: cases share one database (or one PGlite instance) per driver. */
function uniq(prefix: string): string {
  counter += 1;
  return `${prefix}_${counter}_${randomBytes(3).toString("hex")}`;
}

/** The error `promise` rejects with (failing when it resolves), checked to be an instance of `type`. */
async function rejection<E extends Error>(promise: Promise<unknown>, type: abstract new (...args: never[]) => E): Promise<E> {
  let outcome: { error: unknown } | undefined;
  try {
    await promise;
  } catch (e) {
    outcome = { error: e };
  }
  assert.ok(outcome, `expected a ${type.name}, but the call succeeded`);
  const { error } = outcome;
  if (!(error instanceof type)) {
    assert.fail(`expected a ${type.name}, got ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  }
  return error;
}

/** Rows as plain objects (drivers return arrays with extra properties, rows of various prototypes). */
function plain(rows: readonly Row[]): Row[] {
  return rows.map((row) => ({ ...row }));
}

async function count(db: Queryable, table: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(`select count(*)::int4 as n from ${table}`);
  return row?.n ?? -1;
}

for (const spec of drivers) {
  describe(`db contract: ${spec.title}`, () => {
    let started: Started | undefined;

    before(async () => {
      if (spec.skip === undefined) started = await spec.start();
    });
    after(async () => {
      await started?.stop();
    });

    const db = (): Database => {
      if (started === undefined) throw new Error(`${spec.name} did not start`);
      return started.db;
    };
    /** Registers a case, reported as skipped (with the reason) when this driver cannot run here. */
    const test = (name: string, fn: () => Promise<void>): void => {
      if (spec.skip !== undefined) it(name, { skip: spec.skip }, () => {});
      else it(name, fn);
    };
    const wireTest = (name: string, fn: () => Promise<void>): void => {
      if (spec.wire) test(name, fn);
    };

    test("reports its driver name", async () => {
      assert.equal(db().driver, spec.name);
    });

    test("query binds $1 parameters", async () => {
      const rows = await db().query<{ n: number; s: string }>("select $1::int4 + 1 as n, $2::text as s", [41, "x"]);
      assert.deepEqual(plain(rows), [{ n: 42, s: "x" }]);
    });

    test(`typed results: int4 number, text string, int8 ${spec.int8} (cast int8 to text in catalog code)`, async () => {
      const [row] = await db().query(
        "select 7::int4 as i4, 'x'::text as t, 5::int8 as i8, 5::int8::text as i8_text, null::text as nothing, true as yes",
      );
      assert.ok(row);
      assert.equal(row.i4, 7);
      assert.equal(row.t, "x");
      assert.equal(row.i8, spec.int8 === "string" ? "5" : 5);
      assert.equal(row.i8_text, "5");
      assert.equal(row.nothing, null);
      assert.equal(row.yes, true);
    });

    test("query runs one statement (extended protocol): two statements fail with 42601", async () => {
      const error = await rejection(db().query("select 1; select 2"), DatabaseError);
      assert.equal(error.code, "42601");
      const single = await rejection(db().query("select * frm nowhere"), DatabaseError);
      assert.equal(single.code, "42601");
      assert.equal(single.position, "select * frm nowhere".indexOf("frm") + 1);
    });

    test("exec runs a multi-statement script; empty and comment-only scripts are fine", async () => {
      const t = uniq("exec");
      await db().exec(`create table ${t} (x int4);\ninsert into ${t} values (1), (2);\nupdate ${t} set x = x * 10;`);
      const rows = await db().query<{ x: number }>(`select x from ${t} order by x`);
      assert.deepEqual(
        rows.map((r) => r.x),
        [10, 20],
      );
      await db().exec("");
      await db().exec("-- nothing to do\n");
    });

    test("exec error rolls back the whole script: 42601 with a numeric position into the whole script", async () => {
      const t = uniq("rolled_back");
      const script = `create table ${t} (x int4);\ninsert into ${t} values (1);\nselect * frm ${t};`;
      const error = await rejection(db().exec(script), DatabaseError);
      assert.equal(error.code, "42601");
      assert.equal(typeof error.position, "number");
      assert.equal(error.position, script.indexOf("frm") + 1);
      const [row] = await db().query("select to_regclass($1)::text as r", [t]);
      assert.equal(row?.r, null);
    });

    test("transaction commits and returns the callback's value", async () => {
      const t = uniq("tx_commit");
      await db().exec(`create table ${t} (x int4)`);
      const value = await db().transaction(async (tx) => {
        await tx.query(`insert into ${t} values ($1)`, [1]);
        await tx.exec(`insert into ${t} values (2); insert into ${t} values (3);`);
        return "done";
      });
      assert.equal(value, "done");
      assert.equal(await count(db(), t), 3);
    });

    test("transaction rolls back on throw and rethrows (driver errors as DatabaseError)", async () => {
      const t = uniq("tx_rollback");
      await db().exec(`create table ${t} (x int4 primary key)`);
      const boom = new Error("boom");
      const thrown = await rejection(
        db().transaction(async (tx) => {
          await tx.query(`insert into ${t} values (1)`);
          throw boom;
        }),
        Error,
      );
      assert.equal(thrown, boom);
      const failed = await rejection(
        db().transaction(async (tx) => {
          await tx.query(`insert into ${t} values (1)`);
          await tx.query(`insert into ${t} values (1)`);
        }),
        DatabaseError,
      );
      assert.equal(failed.code, "23505");
      assert.equal(await count(db(), t), 0);
    });

    test("a failed statement fails its transaction even if caught; savepoint recovery still commits", async () => {
      const t = uniq("tx_swallowed");
      await db().exec(`create table ${t} (x int4)`);
      // Caught and ignored: PostgreSQL would silently turn COMMIT into ROLLBACK.
      const swallowed = await rejection(
        db().transaction(async (tx) => {
          await tx.query(`insert into ${t} values (1)`);
          await tx.query("select 1 / 0").catch(() => {});
          return "looks fine";
        }),
        DatabaseError,
      );
      assert.equal(swallowed.code, "22012");
      // Caught, then the next statement fails with 25P02: the error that aborted the transaction is reported.
      const aborted = await rejection(
        db().transaction(async (tx) => {
          await tx.query("select 1 / 0").catch(() => {});
          await tx.query(`insert into ${t} values (2)`);
        }),
        DatabaseError,
      );
      assert.equal(aborted.code, "22012");
      assert.equal(await count(db(), t), 0);
      await db().transaction(async (tx) => {
        await tx.query(`insert into ${t} values (3)`);
        await tx.exec("savepoint before_failure");
        await tx.query("select 1 / 0").catch(() => {});
        await tx.exec("rollback to savepoint before_failure");
        await tx.query(`insert into ${t} values (4)`);
      });
      assert.equal(await count(db(), t), 2);
    });

    test("concurrent queries inside a transaction all run on its connection (introspection sends them together)", async () => {
      const rows = await db().transaction(async (tx) => {
        await tx.query("set transaction isolation level repeatable read, read only");
        return Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            tx.query<{ i: number; pid: number; iso: string }>(
              "select $1::int4 as i, pg_backend_pid() as pid, current_setting('transaction_isolation') as iso",
              [i],
            ),
          ),
        );
      });
      const flat = rows.map((r) => r[0]);
      assert.deepEqual(
        flat.map((r) => r?.i),
        Array.from({ length: 20 }, (_, i) => i),
      );
      assert.equal(new Set(flat.map((r) => r?.pid)).size, 1);
      assert.ok(flat.every((r) => r?.iso === "repeatable read"));
    });

    test("session keeps session state across statements (SET, set_config, temp tables, same backend)", async () => {
      await db().session(async (s) => {
        await s.query("select set_config('pgschema.contract', 'on', false)");
        await s.exec("set application_name = 'pgschema-contract'");
        await s.exec("create temporary table contract_tmp (x int4); insert into contract_tmp values (1);");
        const [first] = await s.query("select pg_backend_pid() as pid");
        const [row] = await s.query(
          "select current_setting('pgschema.contract') as v, current_setting('application_name') as app, " +
            "pg_backend_pid() as pid, (select count(*)::int4 from contract_tmp) as n",
        );
        assert.deepEqual({ ...row }, { v: "on", app: "pgschema-contract", pid: first?.pid, n: 1 });
      });
    });

    test("session state, open transactions and advisory locks do not outlive session()", async () => {
      // One connection, so the next session surely gets the connection the first one used.
      const single = started?.reopen ? await started.reopen(1) : db();
      try {
        const key = randomInt(1, 2 ** 31 - 1);
        await single.session(async (s) => {
          await s.query("select set_config('pgschema.leak', 'yes', false)");
          await s.query("select pg_advisory_lock($1::int8)", [key]);
          await s.exec("begin; create table leaked_in_tx (x int4);"); // left open on purpose
        });
        await single.session(async (s) => {
          const [row] = await s.query(
            "select coalesce(current_setting('pgschema.leak', true), '') as leak, to_regclass('leaked_in_tx')::text as t, " +
              "(select count(*)::int4 from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()) as locks",
          );
          assert.deepEqual({ ...row }, { leak: "", t: null, locks: 0 });
        });
        const [outside] = await single.query("select to_regclass('leaked_in_tx')::text as t");
        assert.equal(outside?.t, null);
      } finally {
        if (single !== db()) await single.close();
      }
    });

    test(
      spec.wire
        ? "held session holds an advisory lock other connections see (pg_try_advisory_lock false from the pool)"
        : "held session holds an advisory lock (one session only: no other connection to see it)",
      async () => {
        const key = randomInt(1, 2 ** 31 - 1);
        await db().session(async (s) => {
          const [locked] = await s.query("select pg_advisory_lock($1::int8) is not null as ok", [key]);
          assert.equal(locked?.ok, true);
          if (spec.wire) {
            const [fromPool] = await db().query("select pg_try_advisory_lock($1::int8) as got", [key]);
            assert.equal(fromPool?.got, false);
          }
          const [held] = await s.query(
            "select count(*)::int4 as n from pg_locks where locktype = 'advisory' and granted and objid = $1::int8::oid",
            [key],
          );
          assert.equal(held?.n, 1);
        });
        if (spec.wire) {
          // Released by session()'s reset without an explicit unlock.
          await db().session(async (s) => {
            const [row] = await s.query("select pg_try_advisory_lock($1::int8) as got", [key]);
            assert.equal(row?.got, true);
          });
        }
      },
    );

    test("session transactions commit and roll back on the held connection; errors are DatabaseError", async () => {
      await db().session(async (s) => {
        await s.exec("create temporary table contract_stx (x int4)");
        const [before] = await s.query("select pg_backend_pid() as pid");
        const pidInside = await s.transaction(async (tx) => {
          await tx.query("insert into contract_stx values ($1)", [1]);
          const [row] = await tx.query("select pg_backend_pid() as pid");
          return row?.pid;
        });
        assert.equal(pidInside, before?.pid);
        const boom = new Error("boom");
        const thrown = await rejection(
          s.transaction(async (tx) => {
            await tx.query("insert into contract_stx values (2)");
            throw boom;
          }),
          Error,
        );
        assert.equal(thrown, boom);
        const failed = await rejection(s.transaction((tx) => tx.query("select 1 / 0")), DatabaseError);
        assert.equal(failed.code, "22012");
        const queryError = await rejection(s.query("select * from no_such_table_here"), DatabaseError);
        assert.equal(queryError.code, "42P01");
        const execError = await rejection(s.exec("select 1; select * frm x;"), DatabaseError);
        assert.equal(execError.code, "42601");
        assert.equal(await count(s, "contract_stx"), 1);
      });
    });

    test("CREATE INDEX CONCURRENTLY works alone, fails with 25001 in transaction() or a multi-statement exec", async () => {
      const t = uniq("conc");
      await db().exec(`create table ${t} (x int4, y int4)`);
      await db().query(`create index concurrently ${t}_q on ${t} (x)`);
      await db().exec(`create index concurrently ${t}_e on ${t} (y)`);
      await db().session((s) => s.query(`create index concurrently ${t}_s on ${t} (x, y)`));
      const inTransaction = await rejection(
        db().transaction((tx) => tx.query(`create index concurrently ${t}_t on ${t} (y, x)`)),
        DatabaseError,
      );
      assert.equal(inTransaction.code, "25001");
      const inScript = await rejection(db().exec(`create index concurrently ${t}_m on ${t} (y, x); select 1;`), DatabaseError);
      assert.equal(inScript.code, "25001");
      const inSessionTransaction = await rejection(
        db().session((s) => s.transaction((tx) => tx.query(`create index concurrently ${t}_st on ${t} (y, x)`))),
        DatabaseError,
      );
      assert.equal(inSessionTransaction.code, "25001");
      const indexes = await db().query<{ name: string }>(
        "select indexname as name from pg_indexes where tablename = $1 order by 1",
        [t],
      );
      assert.deepEqual(
        indexes.map((r) => r.name),
        [`${t}_e`, `${t}_q`, `${t}_s`],
      );
    });

    test("DatabaseError fields: 23505 detail/constraint/table/schema, RAISE hint/detail/where", async () => {
      const t = uniq("uniq");
      await db().exec(`create table ${t} (x int4 constraint ${t}_x_key unique)`);
      await db().query(`insert into ${t} values (1)`);
      const dup = await rejection(db().query(`insert into ${t} values ($1)`, [1]), DatabaseError);
      assert.equal(dup.name, "DatabaseError");
      assert.equal(dup.code, "23505");
      assert.match(dup.message, /duplicate key value violates unique constraint/);
      assert.equal(dup.detail, "Key (x)=(1) already exists.");
      assert.equal(dup.constraint, `${t}_x_key`);
      assert.equal(dup.table, t);
      assert.equal(dup.schema, "public");
      assert.equal(dup.severity, "ERROR");
      const raised = await rejection(
        db().exec(
          "do $$ begin raise exception 'contract boom' using hint = 'try the other thing', detail = 'more', errcode = 'P0001'; end $$",
        ),
        DatabaseError,
      );
      assert.equal(raised.code, "P0001");
      assert.equal(raised.message, "contract boom");
      assert.equal(raised.hint, "try the other thing");
      assert.equal(raised.detail, "more");
      assert.match(raised.where ?? "", /PL\/pgSQL function/);
    });

    wireTest("unreachable port: ConnectionError naming 127.0.0.1:1, never the password", async () => {
      const driver = spec.name as WireDriverName;
      const error = await rejection(openDatabase("postgres://u:s3cret@127.0.0.1:1/x", { driver }), ConnectionError);
      assert.equal(error.host, "127.0.0.1");
      assert.equal(error.port, 1);
      assert.match(error.message, /127\.0\.0\.1:1\b/);
      for (const text of [error.message, error.reason, String(error.stack), JSON.stringify(error)]) {
        assert.doesNotMatch(text, /s3cret/);
      }
    });

    wireTest("missing database (3D000) is a ConnectionError naming host:port", async () => {
      const driver = spec.name as WireDriverName;
      const missing = `pgschema_no_such_db_${randomBytes(4).toString("hex")}`;
      const error = await rejection(openDatabase(withDatabase(SERVER_URL, missing), { driver }), ConnectionError);
      assert.equal(error.host, server.host);
      assert.equal(error.port, server.port);
      assert.ok(error.message.includes(`${server.host}:${server.port}`), error.message);
      assert.match(error.reason, /does not exist/);
    });
  });
}
