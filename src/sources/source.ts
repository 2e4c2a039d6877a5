import { existsSync, statSync } from "node:fs";
import { introspect, type IntrospectOptions } from "../catalog/introspect.js";
import type { Catalog } from "../catalog/model.js";
import { isConnectionUrl } from "../db/connection-url.js";
import { onDatabase } from "./on-database.js";
import { readSnapshot } from "./snapshot.js";

/** The forms a source string may take; every command that wants a schema accepts each of them. */
export type SourceSpec =
  | { readonly kind: "database"; readonly url: string }
  | { readonly kind: "sql"; readonly path: string }
  | { readonly kind: "snapshot"; readonly path: string };

export class UnknownSourceError extends Error {
  override readonly name = "UnknownSourceError";
  readonly code = "SOURCE_UNKNOWN";
  constructor(readonly source: string, reason: string) {
    super(
      `${reason}: "${source}". A source is one of: a postgres:// or postgresql:// URL (a live database), ` +
        "a .sql file or a folder of .sql files (loaded into embedded PostgreSQL), or a .json snapshot written by " +
        "`pg-schema inspect <source> --json`",
    );
  }
}

export function parseSource(source: string): SourceSpec {
  if (isConnectionUrl(source)) return { kind: "database", url: source };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) throw new UnknownSourceError(source, "unsupported URL scheme");
  if (!existsSync(source)) throw new UnknownSourceError(source, "no such file or folder");
  if (statSync(source).isDirectory()) return { kind: "sql", path: source };
  if (source.endsWith(".sql")) return { kind: "sql", path: source };
  if (source.endsWith(".json")) return { kind: "snapshot", path: source };
  throw new UnknownSourceError(source, "not a .sql or .json file");
}

export interface LoadOptions extends IntrospectOptions {
  /** For SQL sources: a server URL to load them on instead of embedded PGlite. */
  readonly shadow?: string;
  /** Progress messages for long work (the CLI prints them on stderr). */
  readonly progress?: (message: string) => void;
}

/** Reads any source into the catalog model. */
export async function loadCatalog(source: string, options: LoadOptions = {}): Promise<Catalog> {
  const spec = parseSource(source);
  switch (spec.kind) {
    case "snapshot":
      return readSnapshot(spec.path);
    case "sql": {
      // PGlite and the parser load only for SQL sources.
      const { catalogFromSql, readSqlScripts } = await import("./sql-files.js");
      return catalogFromSql(readSqlScripts(spec.path), options);
    }
    case "database": {
      options.progress?.("reading the catalog");
      return onDatabase(spec.url, (db) => introspect(db, options));
    }
  }
}
