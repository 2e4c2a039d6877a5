import type { ReservedSql, Sql } from "postgres";
import { connectFailure } from "./connect-errors.js";
import { type ConnectionTarget, connectionTarget } from "./connection-url.js";
import type { Database, Queryable, Row, Session } from "./queryable.js";
import { explicitTransaction, guardedTransaction, resetSession } from "./transaction.js";

export interface PostgresJsOptions {
  /** Pool size (default 4). */
  readonly max?: number;
}

/** Connects with postgres.js (Node, and Bun as a fallback) and checks the connection with one round trip. */
export async function openPostgresJs(url: string, options: PostgresJsOptions = {}): Promise<Database> {
  const { default: postgres } = await import("postgres");
  const target = connectionTarget(url);
  const sql = postgres(url, {
    max: options.max ?? 4,
    onnotice: () => {},
    connect_timeout: 10,
    // Catalog queries never need postgres.js's array type discovery.
    fetch_types: false,
  });
  try {
    await sql.unsafe("select 1");
  } catch (e) {
    await sql.end({ timeout: 0 }).catch(() => {});
    throw connectFailure(e, target);
  }
  return new PostgresJsDatabase(sql, target);
}

/**
 * postgres.js quirks handled here:
 * - `unsafe(text)` with no parameters uses the simple protocol (and so accepts several statements); `query` forces
 *   the extended protocol so it behaves like the other drivers (one statement only).
 * - A reserved connection (`sql.reserve()`) has no `.begin()`: transactions run BEGIN/COMMIT/ROLLBACK explicitly on
 *   a reserved connection (pool transactions too, so both paths behave the same).
 * - Errors: SQLSTATE in `code`, constraint fields named `*_name`; connection refused is a plain Node error.
 */
class PostgresJsDatabase implements Database {
  readonly driver = "postgres-js" as const;
  constructor(
    readonly sql: Sql,
    readonly target: ConnectionTarget,
  ) {}

  query<R extends Row = Row>(text: string, params?: readonly unknown[]): Promise<R[]> {
    return runQuery<R>(this.sql, this.target, text, params);
  }

  exec(script: string): Promise<void> {
    return runExec(this.sql, this.target, script);
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.#withReserved(async (conn) => guardedTransaction((body) => explicitTransaction(conn, body), fn));
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
    await this.sql.end({ timeout: 5 });
  }

  async #withReserved<T>(fn: (conn: Queryable) => Promise<T>): Promise<T> {
    let reserved: ReservedSql;
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

type SqlLike = Pick<Sql, "unsafe">;

async function runQuery<R extends Row>(
  sql: SqlLike,
  target: ConnectionTarget,
  text: string,
  params?: readonly unknown[],
): Promise<R[]> {
  try {
    const rows = await sql.unsafe(text, (params ?? []) as never[], { prepare: false, simple: false } as never);
    return [...rows] as unknown as R[];
  } catch (e) {
    throw connectFailure(e, target);
  }
}

async function runExec(sql: SqlLike, target: ConnectionTarget, script: string): Promise<void> {
  try {
    await sql.unsafe(script).simple();
  } catch (e) {
    throw connectFailure(e, target);
  }
}
