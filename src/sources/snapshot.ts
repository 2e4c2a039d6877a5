import { readFileSync } from "node:fs";
import { canonicalize } from "../catalog/canonical.js";
import { CATALOG_FORMAT_VERSION, type Catalog } from "../catalog/model.js";

/** A snapshot that this build cannot read. */
export class SnapshotError extends Error {
  override readonly name = "SnapshotError";
  constructor(
    readonly file: string,
    message: string,
    readonly code: "SNAPSHOT_INVALID" | "SNAPSHOT_VERSION" = "SNAPSHOT_INVALID",
  ) {
    super(`${file}: ${message}`);
  }
}

const LISTS = [
  "schemas", "extensions", "collations", "types", "sequences", "tables", "indexes", "views", "materializedViews",
  "routines", "triggers", "eventTriggers", "rules", "policies", "casts", "textSearchConfigurations",
  "textSearchDictionaries", "foreignServers", "defaultPrivileges", "dependencies", "unmodeled",
] as const satisfies readonly (keyof Catalog)[];

/** Reads a snapshot written by `pg-schema inspect --json`. */
export function readSnapshot(file: string): Catalog {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new SnapshotError(file, `not a JSON snapshot: ${(e as Error).message}`);
  }
  if (typeof data !== "object" || data === null || !("formatVersion" in data)) {
    throw new SnapshotError(file, 'not a pg-schema snapshot (no "formatVersion"); write one with `pg-schema inspect <source> --json`');
  }
  const version = (data as { formatVersion: unknown }).formatVersion;
  if (version !== CATALOG_FORMAT_VERSION) {
    throw new SnapshotError(
      file,
      `snapshot format version ${JSON.stringify(version)}; this pg-schema reads version ${CATALOG_FORMAT_VERSION}. Write the snapshot again with this version's \`pg-schema inspect --json\``,
      "SNAPSHOT_VERSION",
    );
  }
  const missing = LISTS.filter((k) => !Array.isArray((data as Record<string, unknown>)[k]));
  if (missing.length > 0) throw new SnapshotError(file, `snapshot lacks the lists ${missing.join(", ")}`);
  return canonicalize(data as Catalog);
}
