import { inSnapshot, introspectInTransaction, type SnapshotSource } from "../catalog/introspect.js";
import type { Catalog } from "../catalog/model.js";
import type { DatabaseStats } from "../stats/model.js";
import { readStats } from "../stats/read-stats.js";
import { onDatabase } from "./on-database.js";

/** A running database: its schema and its statistics, read in one snapshot. */
export interface LiveDatabase {
  readonly catalog: Catalog;
  readonly stats: DatabaseStats;
}

/** Reads the schema and the statistics on a connection the caller holds, in one read-only repeatable-read transaction. */
export function readLiveDatabase(db: SnapshotSource): Promise<LiveDatabase> {
  return inSnapshot(db, async (tx) => ({ catalog: await introspectInTransaction(tx), stats: await readStats(tx) }));
}

/** Connects to `url`, reads its schema and statistics, and disconnects. */
export async function loadLiveDatabase(url: string, progress?: (message: string) => void): Promise<LiveDatabase> {
  progress?.("reading the catalog and the statistics");
  return onDatabase(url, readLiveDatabase);
}
