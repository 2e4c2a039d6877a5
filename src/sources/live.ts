import { introspectInTransaction } from "../catalog/introspect.js";
import type { Catalog } from "../catalog/model.js";
import type { Queryable } from "../db/queryable.js";
import { openDatabase } from "../db/open.js";
import type { DatabaseStats } from "../stats/model.js";
import { readStats } from "../stats/read-stats.js";
import { registerCleanup } from "./cleanup.js";

/** A running database: its schema and its statistics, read in one snapshot. */
export interface LiveDatabase {
  readonly catalog: Catalog;
  readonly stats: DatabaseStats;
}

/** Reads the schema and the statistics on a connection the caller holds, in one read-only repeatable-read transaction. */
export async function readLiveDatabase(db: { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> }): Promise<LiveDatabase> {
  return db.transaction(async (tx) => {
    await tx.query("set transaction isolation level repeatable read, read only");
    const catalog = await introspectInTransaction(tx);
    return { catalog, stats: await readStats(tx) };
  });
}

/** Connects to `url`, reads its schema and statistics, and disconnects. */
export async function loadLiveDatabase(url: string, progress?: (message: string) => void): Promise<LiveDatabase> {
  progress?.("reading the catalog and the statistics");
  const db = await openDatabase(url, { max: 1 });
  const unregister = registerCleanup(() => db.close());
  try {
    return await readLiveDatabase(db);
  } finally {
    unregister();
    await db.close();
  }
}
