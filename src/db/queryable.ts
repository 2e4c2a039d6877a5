/**
 * The one interface between pg-schema and PostgreSQL. Three drivers implement it (PGlite, postgres.js, Bun.sql);
 * nothing outside `src/db/` imports a driver.
 */

export type DriverName = "pglite" | "postgres-js" | "bun-sql";

/** A row as the drivers return it. Catalog queries cast int8/numeric to text or int4: the drivers disagree on them. */
export type Row = Record<string, unknown>;

export interface Queryable {
  /** One statement, sent with the extended protocol; `$1…` take `params`. */
  query<R extends Row = Row>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /**
   * A script of one or more statements, sent with the simple protocol and no parameters. PostgreSQL runs it as one
   * implicit transaction, so `CREATE INDEX CONCURRENTLY` must be sent alone. Results are discarded: the drivers do
   * not return one result per statement.
   */
  exec(script: string): Promise<void>;
}

export interface Session extends Queryable {
  /**
   * Runs `fn` in BEGIN … COMMIT; a throw rolls back and rethrows (driver errors as `DatabaseError`). A statement that
   * fails inside `fn` fails the transaction with its `DatabaseError` even if `fn` catches it (unless `fn` recovers
   * with `ROLLBACK TO SAVEPOINT`), so a COMMIT can never silently turn into a ROLLBACK. Inside `fn`, use `tx`: the
   * `Database`'s own methods run outside the transaction (and wait for it on PGlite, which has one session).
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
}

export interface Database extends Session {
  readonly driver: DriverName;
  /**
   * Runs `fn` on one held connection: session state (SET, advisory locks, temporary tables) lasts for the call, and
   * statements that cannot run in a transaction block run there outside any. Afterwards the connection is reset
   * (open transaction rolled back, settings, advisory locks, temporary tables and LISTENs dropped): nothing set in a
   * session outlives it. Inside `fn`, use `s`, not this `Database`: on PGlite (one session) that would deadlock.
   */
  session<T>(fn: (s: Session) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
