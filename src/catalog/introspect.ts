import type { Queryable } from "../db/queryable.js";
import { canonicalize } from "./canonical.js";
import { CATALOG_FORMAT_VERSION, type Catalog } from "./model.js";
import { normalizeCatalogText } from "./normalize-catalog.js";
import { objectIdsOf } from "./object-ids-of.js";
import { readCasts } from "./read/casts.js";
import { readCollations } from "./read/collations.js";
import { type ReadContext, readContext } from "./read/context.js";
import { readDefaultPrivileges } from "./read/default-privileges.js";
import { fetchDependencies, readDependencies } from "./read/dependencies.js";
import { readEventTriggers } from "./read/event-triggers.js";
import { readExtensions } from "./read/extensions.js";
import { readForeignServers } from "./read/foreign-servers.js";
import { readIndexes } from "./read/indexes.js";
import { readMaterializedViews } from "./read/materialized-views.js";
import { readPolicies } from "./read/policies.js";
import { readRoutines } from "./read/routines.js";
import { readRules } from "./read/rules.js";
import { readSchemas } from "./read/schemas.js";
import { readSequences } from "./read/sequences.js";
import { readTables } from "./read/tables.js";
import { readTextSearchConfigurations, readTextSearchDictionaries } from "./read/text-search.js";
import { readTriggers } from "./read/triggers.js";
import { readTypes } from "./read/types.js";
import { readUnmodeled } from "./read/unmodeled.js";
import { readViews } from "./read/views.js";
import { catalogQuery } from "./sql-template.js";

/** The lists read straight from the catalog; `dependencies` is derived once the objects are known. */
type ObjectLists = Omit<Catalog, "formatVersion" | "server" | "dependencies">;

/** One reader per list: adding a list to `Catalog` fails to compile until it has a reader. */
const READERS: { readonly [K in keyof ObjectLists]: (ctx: ReadContext) => Promise<ObjectLists[K]> } = {
  schemas: readSchemas,
  extensions: readExtensions,
  collations: readCollations,
  types: readTypes,
  sequences: readSequences,
  tables: readTables,
  indexes: readIndexes,
  views: readViews,
  materializedViews: readMaterializedViews,
  routines: readRoutines,
  triggers: readTriggers,
  eventTriggers: readEventTriggers,
  rules: readRules,
  policies: readPolicies,
  casts: readCasts,
  textSearchConfigurations: readTextSearchConfigurations,
  textSearchDictionaries: readTextSearchDictionaries,
  foreignServers: readForeignServers,
  defaultPrivileges: readDefaultPrivileges,
  unmodeled: readUnmodeled,
};

export interface IntrospectOptions {
  /** Limit to these schemas; all non-system schemas when absent. */
  readonly schemas?: readonly string[];
}

/** A requested schema does not exist. */
export class UnknownSchemaError extends Error {
  override readonly name = "UnknownSchemaError";
  constructor(readonly missing: readonly string[], readonly available: readonly string[]) {
    super(`no such schema: ${missing.join(", ")} (the database has: ${available.join(", ") || "none"})`);
  }
}

/**
 * Reads the whole schema from `pg_catalog` in one read-only, repeatable-read transaction with an empty search_path
 * (so every name PostgreSQL prints outside pg_catalog is schema-qualified), and returns the canonical catalog.
 */
export async function introspect(db: SnapshotSource, options: IntrospectOptions = {}): Promise<Catalog> {
  return inSnapshot(db, (tx) => introspectInTransaction(tx, options));
}

/** A connection that can open a transaction. */
export type SnapshotSource = { transaction: <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T> };

/** Runs `fn` in one read-only, repeatable-read transaction: every query in it sees the same snapshot. */
export function inSnapshot<T>(db: SnapshotSource, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query("set transaction isolation level repeatable read, read only");
    return fn(tx);
  });
}

/**
 * Reads the catalog inside a transaction the caller holds open (e.g. to read back DDL it will roll back). The
 * settings below are transaction-local; the caller answers for isolation.
 */
export async function introspectInTransaction(tx: Queryable, options: IntrospectOptions = {}): Promise<Catalog> {
  // Printed text must not depend on the caller's session: names qualified, times in UTC, ISO dates, exact floats.
  await tx.query(
    "select pg_catalog.set_config('search_path', '', true), pg_catalog.set_config('timezone', 'UTC', true), " +
      "pg_catalog.set_config('datestyle', 'ISO, YMD', true), pg_catalog.set_config('intervalstyle', 'postgres', true), " +
      "pg_catalog.set_config('extra_float_digits', '3', true), " +
      // As pg_dump does: catalog queries are short, and compiling their expressions costs more than it saves.
      "pg_catalog.set_config('jit', 'off', true)",
  );
  const [version] = await tx.query<{ v: number }>("select pg_catalog.current_setting('server_version_num')::int4 as v");
  const versionNum = Number(version!.v);
  const allSchemas = (await tx.query<{ name: string }>(catalogQuery("schema-names", versionNum))).map((r) => r.name);
  const schemas = options.schemas ?? allSchemas;
  const missing = schemas.filter((s) => !allSchemas.includes(s));
  if (missing.length > 0) throw new UnknownSchemaError(missing, allSchemas);

  const ctx = readContext(tx, versionNum, schemas);
  const keys = Object.keys(READERS) as (keyof ObjectLists)[];
  // Independent queries: sent together, postgres.js pipelines them on the transaction's connection. The
  // dependency rows go first: cheap for the server, they are decoded while it works on the rest, and they tell
  // early whether the SQL parser will be needed (it then loads meanwhile, see `fetchSqlBodies`).
  const dependencyRows = fetchDependencies(ctx);
  const values = await Promise.all(keys.map((k) => READERS[k](ctx)));
  const lists = normalizeCatalogText(Object.fromEntries(keys.map((k, i) => [k, values[i]])) as unknown as ObjectLists);
  const dependencies = await readDependencies(ctx, objectIdsOf(lists), dependencyRows);
  return canonicalize({ formatVersion: CATALOG_FORMAT_VERSION, server: { versionNum }, ...lists, dependencies });
}
