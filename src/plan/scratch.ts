import { openDatabase, openPglite } from "../db/open.js";
import { databaseErrorFrom } from "../db/errors.js";
import type { Database } from "../db/queryable.js";
import { registerCleanup } from "../sources/cleanup.js";
import { withShadowDatabase } from "../sources/shadow.js";
import { ident } from "../sql/ident.js";

export interface ScratchOptions {
  /** A server URL: a temporary database there instead of embedded PGlite. */
  readonly shadow?: string;
  /** Extensions the schemas use (PGlite loads them at start-up). */
  readonly extensions: readonly string[];
  /** Roles the schemas name; those missing are created (NOLOGIN) before `fn` runs. */
  readonly roles: readonly string[];
  readonly progress?: (message: string) => void;
}

/**
 * Runs `fn` on an empty scratch database with the roles created. On a server, roles are shared by every database
 * of the cluster: the ones created here are dropped again once the temporary database is gone.
 */
export async function withScratchDatabase<T>(options: ScratchOptions, fn: (db: Database) => Promise<T>): Promise<T> {
  if (options.shadow !== undefined) {
    const created: string[] = [];
    try {
      return await withShadowDatabase(options.shadow, async (db) => {
        created.push(...(await createRoles(db, options.roles)));
        return fn(db);
      });
    } finally {
      if (created.length > 0) await dropRoles(options.shadow, created);
    }
  }
  options.progress?.("starting embedded PostgreSQL (PGlite)");
  const db = await openPglite({ extensions: options.extensions });
  const unregister = registerCleanup(() => db.close());
  try {
    await createRoles(db, options.roles);
    return await fn(db);
  } finally {
    unregister();
    await db.close();
  }
}

/** Creates the roles that do not exist yet; returns those it created. */
async function createRoles(db: Database, roles: readonly string[]): Promise<string[]> {
  const existing = new Set((await db.query<{ rolname: string }>("select rolname from pg_catalog.pg_roles")).map((r) => r.rolname));
  const created: string[] = [];
  for (const role of roles.filter((r) => !existing.has(r))) {
    try {
      await db.exec(`CREATE ROLE ${ident(role)} NOLOGIN;`);
      created.push(role);
    } catch (e) {
      // Another proof on the same server created it meanwhile: it exists, which is all this needs.
      if (databaseErrorFrom(e)?.code !== "42710") throw e;
    }
  }
  return created;
}

/** Best effort: a role another session granted something to meanwhile stays (and is harmless). */
async function dropRoles(serverUrl: string, roles: readonly string[]): Promise<void> {
  const admin = await openDatabase(serverUrl, { max: 1 });
  try {
    for (const role of roles) await admin.exec(`DROP ROLE IF EXISTS ${ident(role)};`).catch(() => {});
  } finally {
    await admin.close();
  }
}
