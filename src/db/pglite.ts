import type { Extension as PGliteExtension, PGlite, PGliteOptions } from "@electric-sql/pglite";
import { normalizeError } from "./errors.js";
import { Mutex } from "./mutex.js";
import { pristineDataDirPath, readPristineDataDir, writePristineDataDir } from "./pglite-cache.js";
import type { Database, Queryable, Row, Session } from "./queryable.js";
import { guardedTransaction, resetSession } from "./transaction.js";

/** Contrib extensions shipped inside the PGlite package, by extension name (as in `CREATE EXTENSION`). */
export const PGLITE_CONTRIB_EXTENSIONS: readonly string[] = [
  "amcheck", "auto_explain", "bloom", "btree_gin", "btree_gist", "citext", "cube", "dict_int", "dict_xsyn",
  "earthdistance", "file_fdw", "fuzzystrmatch", "hstore", "intarray", "isn", "lo", "ltree", "moddatetime",
  "pageinspect", "pg_buffercache", "pg_freespacemap", "pg_stat_statements", "pg_surgery", "pg_trgm",
  "pg_visibility", "pg_walinspect", "pgcrypto", "seg", "tablefunc", "tcn", "tsm_system_rows", "tsm_system_time",
  "unaccent", "uuid-ossp",
];

export interface PgliteOptions {
  /**
   * Extensions to make available to `CREATE EXTENSION` (PGlite needs them at start-up). Names PGlite does not ship
   * are ignored here; `CREATE EXTENSION` then fails with PostgreSQL's own message.
   */
  readonly extensions?: readonly string[];
  /** A data directory on disk; in memory when absent. */
  readonly dataDir?: string;
  /** A tarball of a data directory to start from (see `dumpDataDir`). */
  readonly loadDataDir?: Blob;
}

/** Starts an embedded PostgreSQL (PGlite, PostgreSQL 18) in this process. */
export async function openPglite(options: PgliteOptions = {}): Promise<PgliteDatabase> {
  const { PGlite } = await import("@electric-sql/pglite");
  const extensions: Record<string, PGliteExtension> = {};
  for (const name of options.extensions ?? []) {
    if (!PGLITE_CONTRIB_EXTENSIONS.includes(name)) continue;
    const moduleName = name.replaceAll("-", "_");
    const mod = (await import(`@electric-sql/pglite/contrib/${moduleName}`)) as Record<string, PGliteExtension>;
    const extension = mod[moduleName];
    if (extension) extensions[moduleName] = extension;
  }
  const pgOptions: PGliteOptions = { extensions };
  if (options.dataDir !== undefined) pgOptions.dataDir = options.dataDir;
  if (options.loadDataDir !== undefined) pgOptions.loadDataDir = options.loadDataDir;
  const cachePath = options.dataDir === undefined && options.loadDataDir === undefined ? pristineDataDirPath() : undefined;
  const cached = cachePath === undefined ? undefined : readPristineDataDir(cachePath);
  if (cached) {
    try {
      return new PgliteDatabase(await PGlite.create({ ...pgOptions, loadDataDir: cached }));
    } catch {
      // A damaged or foreign tarball: start from initdb and write a new one.
    }
  }
  const pg = await PGlite.create(pgOptions);
  if (cachePath !== undefined) {
    const tarball = (await pg.dumpDataDir("gzip")) as Blob;
    writePristineDataDir(cachePath, new Uint8Array(await tarball.arrayBuffer()));
  }
  return new PgliteDatabase(pg);
}

/** PGlite has one backend session: every call is serialized, and `session()` holds it for its whole callback. */
export class PgliteDatabase implements Database {
  readonly driver = "pglite" as const;
  readonly #mutex = new Mutex();

  constructor(readonly pg: PGlite) {}

  query<R extends Row = Row>(text: string, params?: readonly unknown[]): Promise<R[]> {
    return this.#mutex.run(() => pgliteQuery<R>(this.pg, text, params));
  }

  exec(script: string): Promise<void> {
    return this.#mutex.run(() => pgliteExec(this.pg, script));
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.#mutex.run(() => pgliteTransaction(this.pg, fn));
  }

  /** Holds the one session for `fn`; afterwards ends any transaction left open and resets session state. */
  session<T>(fn: (s: Session) => Promise<T>): Promise<T> {
    const pg = this.pg;
    const session: Session = {
      query: (text, params) => pgliteQuery(pg, text, params),
      exec: (script) => pgliteExec(pg, script),
      transaction: (inner) => pgliteTransaction(pg, inner),
    };
    return this.#mutex.run(async () => {
      try {
        return await fn(session);
      } finally {
        await resetSession(session);
      }
    });
  }

  /** A tarball of the data directory, to start another instance from this state. */
  dumpDataDir(): Promise<Blob> {
    return this.#mutex.run(async () => (await this.pg.dumpDataDir("gzip")) as Blob);
  }

  async close(): Promise<void> {
    if (!this.pg.closed) await this.pg.close();
  }
}

async function pgliteQuery<R extends Row>(pg: PGliteLike, text: string, params?: readonly unknown[]): Promise<R[]> {
  try {
    const result = await pg.query<R>(text, params ? [...params] : undefined);
    return result.rows;
  } catch (e) {
    throw normalizeError(e);
  }
}

async function pgliteExec(pg: PGliteLike, script: string): Promise<void> {
  try {
    await pg.exec(script);
  } catch (e) {
    throw normalizeError(e);
  }
}

/** PGlite's own BEGIN … COMMIT, with the outcome made the same as on the other drivers (`guardedTransaction`). */
function pgliteTransaction<T>(pg: PGlite, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return guardedTransaction(
    (body) =>
      pg.transaction((tx) =>
        body({
          query: (text, params) => pgliteQuery(tx, text, params),
          exec: (script) => pgliteExec(tx, script),
        }),
      ),
    fn,
  );
}

interface PGliteLike {
  query<R>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
  exec(script: string): Promise<unknown>;
}
