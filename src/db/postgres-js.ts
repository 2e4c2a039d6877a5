import type { Sql } from "postgres";
import { connectFailure } from "./connect-errors.js";
import { connectionTarget } from "./connection-url.js";
import { normalizeError } from "./errors.js";
import type { Database, Queryable, Row, Session } from "./queryable.js";

/** Connects with postgres.js (Node, and Bun as a fallback) and checks the connection with one round trip. */
export async function openPostgresJs(url: string, options: { readonly max?: number } = {}): Promise<Database> {
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
  return new PostgresJsDatabase(sql);
}

class PostgresJsDatabase implements Database {
  readonly driver = "postgres-js" as const;
  constructor(readonly sql: Sql) {}

  query<R extends Row = Row>(text: string, params?: readonly unknown[]): Promise<R[]> {
    return runQuery<R>(this.sql, text, params);
  }
  exec(script: string): Promise<void> {
    return runExec(this.sql, script);
  }
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return runTransaction(this.sql, fn);
  }
  async session<T>(fn: (s: Session) => Promise<T>): Promise<T> {
    const reserved = await this.sql.reserve();
    try {
      return await fn({
        query: (text, params) => runQuery(reserved, text, params),
        exec: (script) => runExec(reserved, script),
        transaction: (inner) => runTransaction(reserved as unknown as Sql, inner),
      });
    } finally {
      reserved.release();
    }
  }
  async close(): Promise<void> {
    await this.sql.end({ timeout: 5 });
  }
}

type SqlLike = Pick<Sql, "unsafe">;

async function runQuery<R extends Row>(sql: SqlLike, text: string, params?: readonly unknown[]): Promise<R[]> {
  try {
    const rows = await sql.unsafe(text, (params ?? []) as never[]);
    return [...rows] as unknown as R[];
  } catch (e) {
    throw normalizeError(e);
  }
}

async function runExec(sql: SqlLike, script: string): Promise<void> {
  try {
    await sql.unsafe(script).simple();
  } catch (e) {
    throw normalizeError(e);
  }
}

async function runTransaction<T>(sql: Sql, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  try {
    return (await sql.begin((tx) =>
      fn({
        query: (text, params) => runQuery(tx, text, params),
        exec: (script) => runExec(tx, script),
      }),
    )) as T;
  } catch (e) {
    throw normalizeError(e);
  }
}
