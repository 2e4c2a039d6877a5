/**
 * Transaction and session plumbing shared by the drivers, so that `transaction()` and `session()` end the same way on
 * PGlite, postgres.js and Bun.sql.
 */
import { DatabaseError, normalizeError } from "./errors.js";
import type { Queryable } from "./queryable.js";

/**
 * Runs `fn` inside a transaction opened by `open` (the driver's own BEGIN … COMMIT, given a connection that runs
 * the statements) and gives the same outcome on every driver:
 *
 * - a throw from `fn` rolls back and is rethrown (driver errors as `DatabaseError`);
 * - a statement that failed inside `fn` fails the whole transaction with that statement's `DatabaseError`, even when
 *   `fn` caught it: PostgreSQL would turn the COMMIT of the aborted transaction into a ROLLBACK, which PGlite and
 *   Bun.sql report with errors of their own (no SQLSTATE) and postgres.js reports with the first error;
 * - if `fn` recovered from the failure itself (`ROLLBACK TO SAVEPOINT`), the transaction commits;
 * - a `25P02` ("current transaction is aborted") thrown by `fn` is replaced by the error that aborted it.
 */
export async function guardedTransaction<T>(
  open: (body: (conn: Queryable) => Promise<T>) => Promise<T>,
  fn: (tx: Queryable) => Promise<T>,
): Promise<T> {
  let firstFailure: DatabaseError | undefined;
  let thrownByFn: { error: unknown } | undefined;
  const track = async <X>(op: () => Promise<X>): Promise<X> => {
    try {
      return await op();
    } catch (e) {
      const error = normalizeError(e);
      if (error instanceof DatabaseError) firstFailure ??= error;
      throw error;
    }
  };
  try {
    return await open(async (conn) => {
      const tx: Queryable = {
        query: (text, params) => track(() => conn.query(text, params)),
        exec: (script) => track(() => conn.exec(script)),
      };
      let result: T;
      try {
        result = await fn(tx);
      } catch (e) {
        thrownByFn = { error: e };
        throw e;
      }
      if (firstFailure !== undefined) {
        // Still aborted, or recovered with ROLLBACK TO SAVEPOINT? One cheap statement tells.
        try {
          await conn.query("select 1");
        } catch {
          throw firstFailure;
        }
      }
      return result;
    });
  } catch (e) {
    const error = normalizeError(e);
    if (thrownByFn !== undefined && e === thrownByFn.error) {
      const aborted = error instanceof DatabaseError && error.code === "25P02";
      throw aborted && firstFailure !== undefined ? firstFailure : error;
    }
    // BEGIN / COMMIT / ROLLBACK or the probe failed: the statement that failed first is the one to report.
    throw firstFailure ?? error;
  }
}

/** BEGIN … COMMIT on a connection the caller holds exclusively (a reserved connection, or PGlite's one session). */
export async function explicitTransaction<T>(conn: Queryable, body: (conn: Queryable) => Promise<T>): Promise<T> {
  await conn.exec("begin");
  let result: T;
  try {
    result = await body(conn);
  } catch (e) {
    await conn.exec("rollback").catch(() => {});
    throw e;
  }
  // A failing COMMIT (e.g. a deferred constraint) ends the transaction on the server: nothing left to roll back.
  await conn.exec("commit");
  return result;
}

/**
 * What DISCARD ALL does, minus DEALLOCATE ALL (a driver's cache of prepared statements must survive) and in one round
 * trip: DISCARD ALL cannot run in a transaction block, which a multi-statement script is. The leading ROLLBACK ends a
 * transaction (even an aborted one) that the caller left open; outside one it is only a warning, which the drivers
 * swallow.
 */
export const RESET_SESSION_SQL =
  "rollback; close all; set session authorization default; reset all; unlisten *; " +
  "select pg_advisory_unlock_all(); discard plans; discard temp; discard sequences;";

/**
 * Returns a held connection to its pool as it was found: ends a transaction left open and resets session state
 * (settings, advisory locks, temporary tables, LISTEN, cursors). Returns false when the reset failed (the connection
 * is then most likely broken, and the driver replaces it).
 */
export async function resetSession(conn: Queryable): Promise<boolean> {
  try {
    await conn.exec(RESET_SESSION_SQL);
    return true;
  } catch {
    return false;
  }
}
