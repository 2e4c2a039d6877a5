import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { introspect, type IntrospectOptions } from "../catalog/introspect.js";
import type { Catalog } from "../catalog/model.js";
import { openPglite } from "../db/open.js";
import { PGLITE_CONTRIB_EXTENSIONS } from "../db/pglite.js";
import type { Database } from "../db/queryable.js";
import { applySql, type SqlText } from "./apply-sql.js";
import { registerCleanup } from "./cleanup.js";
import { withShadowDatabase } from "./shadow.js";

export interface SqlSourceOptions extends IntrospectOptions {
  /** A server URL: load into a temporary database there instead of embedded PGlite. */
  readonly shadow?: string;
  readonly progress?: (message: string) => void;
}

/** The scripts of a `.sql` file, or of every `.sql` file directly in a folder, in name order. */
export function readSqlScripts(path: string): SqlText[] {
  if (statSync(path).isDirectory()) {
    const names = readdirSync(path).filter((n) => n.endsWith(".sql")).sort();
    if (names.length === 0) throw new Error(`no .sql files in folder ${path}`);
    return names.map((n) => ({ name: join(path, n), text: readFileSync(join(path, n), "utf8") }));
  }
  return [{ name: path, text: readFileSync(path, "utf8") }];
}

/**
 * SQL files become a catalog the same way a live database does: applied to a fresh database, then read back from
 * pg_catalog. PostgreSQL normalizes the text; there is one model builder to trust.
 */
export async function catalogFromSql(scripts: readonly SqlText[], options: SqlSourceOptions = {}): Promise<Catalog> {
  const load = async (db: Database): Promise<Catalog> => {
    await db.session((s) => applySql(s, scripts, options.progress));
    options.progress?.("reading the catalog");
    return introspect(db, options);
  };
  if (options.shadow !== undefined) return withShadowDatabase(options.shadow, load);
  options.progress?.("starting embedded PostgreSQL (PGlite)");
  const db = await openPglite({ extensions: PGLITE_CONTRIB_EXTENSIONS });
  const unregister = registerCleanup(() => db.close());
  try {
    return await load(db);
  } finally {
    unregister();
    await db.close();
  }
}
