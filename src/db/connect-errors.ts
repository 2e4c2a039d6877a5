import type { ConnectionTarget } from "./connection-url.js";
import { ConnectionError, databaseErrorFrom } from "./errors.js";

/** Socket-level failures (Node and Bun codes) and server refusals that mean "this database cannot be used". */
const NETWORK_CODES = new Set([
  "ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ECONNRESET",
  "CONNECT_TIMEOUT", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED",
  "ERR_POSTGRES_CONNECTION_REFUSED", "ERR_POSTGRES_CONNECTION_TIMEOUT", "ERR_POSTGRES_CONNECTION_CLOSED",
]);

/** Maps a failure of the first round trip to a `ConnectionError` naming host and port; other errors pass through. */
export function connectFailure(e: unknown, target: ConnectionTarget): unknown {
  const db = databaseErrorFrom(e);
  if (db) {
    // 08: connection exception, 28: invalid authorization, 3D000: no such database, 57P03: starting up.
    if (/^(08|28)/.test(db.code) || db.code === "3D000" || db.code === "57P03") {
      return new ConnectionError(target.host, target.port, db.message);
    }
    return db;
  }
  const code = typeof e === "object" && e !== null ? (e as { code?: unknown }).code : undefined;
  if (typeof code === "string" && NETWORK_CODES.has(code)) {
    const reason = code === "ECONNREFUSED" || code === "ERR_POSTGRES_CONNECTION_REFUSED" ? "connection refused" : code;
    return new ConnectionError(target.host, target.port, reason);
  }
  return e;
}
