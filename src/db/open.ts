/**
 * Opening a database. Every driver module is imported on demand, so a `postgres://` run never loads PGlite (700 MB,
 * seconds of start-up) and an embedded run never loads a wire driver.
 */
import { connectionTarget } from "./connection-url.js";
import type { PgliteDatabase, PgliteOptions } from "./pglite.js";
import type { Database } from "./queryable.js";
import { isBunRuntime } from "./runtime.js";

export type { PgliteDatabase, PgliteOptions } from "./pglite.js";
export { isBunRuntime } from "./runtime.js";

/** The drivers that talk to a PostgreSQL server over the network. */
export type WireDriverName = "postgres-js" | "bun-sql";

export interface OpenDatabaseOptions {
  /** Forces a driver; by default Bun.sql under Bun, postgres.js elsewhere. `bun-sql` fails outside Bun. */
  readonly driver?: WireDriverName;
  /** Pool size (default 4). */
  readonly max?: number;
}

/** The driver `openDatabase` uses when none is forced. */
export function defaultWireDriver(): WireDriverName {
  return isBunRuntime() ? "bun-sql" : "postgres-js";
}

/**
 * Connects to the server in a `postgres://` URL and checks the connection with one round trip. Failures to connect
 * are `ConnectionError`s naming host and port (never the password); a missing database is one too.
 */
export async function openDatabase(url: string, options: OpenDatabaseOptions = {}): Promise<Database> {
  try {
    connectionTarget(url);
  } catch {
    // URL's own error keeps the whole string (password included) in `input`.
    throw new Error("invalid PostgreSQL connection string (expected postgres://user@host:port/database)");
  }
  const driver = options.driver ?? defaultWireDriver();
  const driverOptions = options.max === undefined ? {} : { max: options.max };
  switch (driver) {
    case "bun-sql": {
      const { openBunSql } = await import("./bun-sql.js");
      return openBunSql(url, driverOptions);
    }
    case "postgres-js": {
      const { openPostgresJs } = await import("./postgres-js.js");
      return openPostgresJs(url, driverOptions);
    }
    default:
      throw new Error(`unknown database driver: ${String(driver)}`);
  }
}

/** Starts an embedded PostgreSQL (PGlite, PostgreSQL 18) in this process. */
export async function openPglite(options: PgliteOptions = {}): Promise<PgliteDatabase> {
  const { openPglite: open } = await import("./pglite.js");
  return open(options);
}
