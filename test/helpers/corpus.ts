import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The corpus of real schemas lives outside the repository (`../shared/corpus`, or PGSCHEMA_CORPUS). A fresh clone
 * has none: corpus suites then skip with this message instead of passing silently.
 */
const root = process.env.PGSCHEMA_CORPUS ?? findCorpus();

/** `shared/corpus` beside the checkout (`../shared/corpus`), or beside one of its parent folders. */
function findCorpus(): string {
  let dir = new URL("../../", import.meta.url).pathname;
  for (;;) {
    const parent = dirname(dir.replace(/\/$/, ""));
    const candidate = join(parent, "shared", "corpus");
    if (existsSync(candidate)) return candidate;
    if (parent === dir || parent === "/") return new URL("../../../shared/corpus/", import.meta.url).pathname;
    dir = parent;
  }
}

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
