import { randomBytes } from "node:crypto";
import { withDatabase } from "../db/connection-url.js";
import { openDatabase } from "../db/open.js";
import type { Database } from "../db/queryable.js";
import { ident } from "../sql/ident.js";
import { registerCleanup } from "./cleanup.js";

/**
 * Runs `fn` on a new, uniquely named database on the server of `serverUrl` (for extensions PGlite lacks, such as
 * PostGIS). The database is dropped afterwards whatever happens, Ctrl-C included.
 */
export async function withShadowDatabase<T>(serverUrl: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const name = `pg_schema_shadow_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = await openDatabase(serverUrl, { max: 1 });
  let db: Database | undefined;
  const drop = async (): Promise<void> => {
    await db?.close().catch(() => {});
    await admin.query(`drop database if exists ${ident(name)} with (force)`).catch(async () => {
      // PostgreSQL 12 has no WITH (FORCE); our own connection is closed by now.
      await admin.query(`drop database if exists ${ident(name)}`);
    });
    await admin.close();
  };
  const unregister = registerCleanup(drop);
  try {
    await admin.query(`create database ${ident(name)}`);
    db = await openDatabase(withDatabase(serverUrl, name), { max: 1 });
    return await fn(db);
  } finally {
    unregister();
    await drop();
  }
}
