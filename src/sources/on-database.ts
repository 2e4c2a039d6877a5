import type { Database } from "../db/queryable.js";
import { openDatabase } from "../db/open.js";
import { registerCleanup } from "./cleanup.js";

/** Runs `fn` on one connection to `url`, closed afterwards (on Ctrl-C too). */
export async function onDatabase<T>(url: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(url, { max: 1 });
  const unregister = registerCleanup(() => db.close());
  try {
    return await fn(db);
  } finally {
    unregister();
    await db.close();
  }
}
