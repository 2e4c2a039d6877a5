import { existsSync, readdirSync, readFileSync } from "node:fs";

/**
 * The corpus of real schemas lives outside the repository (`../shared/corpus`, or PGSCHEMA_CORPUS). A fresh clone
 * has none: corpus suites then skip with this message instead of passing silently.
 */
const root = process.env.PGSCHEMA_CORPUS ?? new URL("../../../shared/corpus/", import.meta.url).pathname;

export const CORPUS_MISSING = existsSync(root)
  ? undefined
  : `corpus not found at ${root} (set PGSCHEMA_CORPUS); corpus suites skipped`;

/** Schemas that need PostGIS, which PGlite does not ship. */
export const NEEDS_POSTGIS = new Set(["openstreetmap", "postgrest"]);

export function corpusNames(): string[] {
  if (CORPUS_MISSING) return ["(corpus missing)"];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(`${root}/${d.name}/schema.sql`))
    .map((d) => d.name)
    .sort();
}

export function corpusSql(name: string): { name: string; text: string } {
  return { name: `corpus/${name}/schema.sql`, text: readFileSync(`${root}/${name}/schema.sql`, "utf8") };
}
