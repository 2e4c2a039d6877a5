import { connectFailure } from "./connect-errors.js";
import { type ConnectionTarget, connectionTarget } from "./connection-url.js";
import type { Database, Queryable, Row, Session } from "./queryable.js";
import { isBunRuntime } from "./runtime.js";
import { explicitTransaction, guardedTransaction, resetSession } from "./transaction.js";

/*
 * The small part of Bun's built-in `SQL` client used here, typed by hand: Bun's own types are not installed, and
 * this module must type-check and load on Node (the `bun` module is only imported when a database is opened).
 */
interface BunQuery<T> extends PromiseLike<T> {
  /** Forces the simple query protocol (several statements, no parameters). */
  simple(): BunQuery<T>;
}
type BunRows = Row[];
interface BunSqlClient {
  (strings: TemplateStringsArray, ...values: unknown[]): BunQuery<BunRows>;
  unsafe(text: string, values?: unknown[]): BunQuery<BunRows>;
}
interface BunReservedSql extends BunSqlClient {
  release(): void;
}
interface BunSqlPool extends BunSqlClient {
  reserve(): Promise<BunReservedSql>;
  close(options?: { timeout?: number }): Promise<void>;
}
interface BunSqlModule {
  SQL: new (url: string, options?: Record<string, unknown>) => BunSqlPool;
}

export interface BunSqlOptions {
  /** Pool size (default 4). */
  readonly max?: number;
}

/** Connects with Bun's built-in PostgreSQL client (`import { SQL } from "bun"`); Bun only. */
export async function openBunSql(url: string, options: BunSqlOptions = {}): Promise<Database> {
  if (!isBunRuntime()) {
    throw new Error("the bun-sql driver needs the Bun runtime; on Node use the postgres-js driver");
  }
  // A variable specifier keeps TypeScript (without Bun's types) and bundlers from resolving "bun" on Node.
  const specifier = "bun";
  const { SQL } = (await import(specifier)) as BunSqlModule;
  const target = connectionTarget(url);
  const sql = new SQL(url, {
    max: options.max ?? 4,
    // Unnamed statements: no per-connection cache of prepared statements that DDL could invalidate.
    prepare: false,
    connectionTimeout: 10,
  });
  try {
    await sql.unsafe("select 1");
  } catch (e) {
    await sql.close({ timeout: 0 }).catch(() => {});
    throw connectFailure(e, target);
  }
  return new BunSqlDatabase(sql, target);
}

/**
 * Bun.sql quirks handled here:
 * - `unsafe(text)` without values uses the simple protocol (several statements accepted, one result per statement);
 *   `query` without parameters goes through the tagged-template path instead, which uses the extended protocol like
 *   the other drivers (one statement only).
 * - Errors: `code` is Bun's `ERR_POSTGRES_*`, the SQLSTATE is in `errno`; `position` is a string; connection refused
 *   is `ERR_POSTGRES_CONNECTION_REFUSED` without an `errno`.
 * - BEGIN on the pool is refused (`ERR_POSTGRES_UNSAFE_TRANSACTION`): transactions run on a reserved connection.
 * - A COMMIT turned into ROLLBACK by the server throws `ERR_POSTGRES_COMMIT_ROLLED_BACK` (see `guardedTransaction`).
 */
class BunSqlDatabase implements Database {
  readonly driver = "bun-sql" as const;
  constructor(
    readonly sql: BunSqlPool,
    readonly target: ConnectionTarget,
  ) {}

  query<R extends Row = Row>(text: string, params?: readonly unknown[]): Promise<R[]> {
    return runQuery<R>(this.sql, this.target, text, params);
  }

  exec(script: string): Promise<void> {
    return runExec(this.sql, this.target, script);
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.#withReserved((conn) => guardedTransaction((body) => explicitTransaction(conn, body), fn));
  }

  session<T>(fn: (s: Session) => Promise<T>): Promise<T> {
    return this.#withReserved((conn) =>
      fn({
        query: conn.query,
        exec: conn.exec,
        transaction: (inner) => guardedTransaction((body) => explicitTransaction(conn, body), inner),
      }),
    );
  }

  async close(): Promise<void> {
    await this.sql.close({ timeout: 5 });
  }

  async #withReserved<T>(fn: (conn: Queryable) => Promise<T>): Promise<T> {
    let reserved: BunReservedSql;
    try {
      reserved = await this.sql.reserve();
    } catch (e) {
      throw connectFailure(e, this.target);
    }
    const conn: Queryable = {
      query: (text, params) => runQuery(reserved, this.target, text, params),
      exec: (script) => runExec(reserved, this.target, script),
    };
    try {
      return await fn(conn);
    } finally {
      await resetSession(conn);
      reserved.release();
    }
  }
}

async function runQuery<R extends Row>(
  sql: BunSqlClient,
  target: ConnectionTarget,
  text: string,
  params?: readonly unknown[],
): Promise<R[]> {
  try {
    const rows = params !== undefined && params.length > 0 ? await sql.unsafe(text, [...params]) : await sql(templateOf(text));
    return [...rows] as R[];
  } catch (e) {
    throw connectFailure(e, target);
  }
}

async function runExec(sql: BunSqlClient, target: ConnectionTarget, script: string): Promise<void> {
  try {
    await sql.unsafe(script).simple();
  } catch (e) {
    throw connectFailure(e, target);
  }
}

/** A template-strings object holding `text` verbatim (Bun requires `raw` to be non-enumerable, as in real ones). */
function templateOf(text: string): TemplateStringsArray {
  const strings = [text];
  Object.defineProperty(strings, "raw", { value: [text] });
  return Object.freeze(strings) as unknown as TemplateStringsArray;
}
