import type { RenameHint } from "../plan/options.js";
import { UsageError } from "./io.js";

/** How many name parts the old name of each kind has: a schema alone, a relation in a schema, a column of one. */
const SHAPE: Readonly<Record<RenameHint["kind"], "schema" | "relation" | "column">> = {
  table: "relation",
  column: "column",
  view: "relation",
  "materialized-view": "relation",
  sequence: "relation",
  index: "relation",
  type: "relation",
  schema: "schema",
  function: "relation",
};

const EXAMPLES = "e.g. table:public.users=customers, table:users=customers, column:public.users.email=mail or column:users.email=mail";

/**
 * `kind:old=new` (`--rename`) as a hint with the old name qualified (`public` when left out). Names are taken as
 * written (no quoting): PostgreSQL's raw names, as the catalog stores them.
 */
export function parseRenameHint(text: string): RenameHint {
  const bad = (why: string): UsageError => new UsageError(`--rename ${text}: ${why} (${EXAMPLES})`, "plan");
  const colon = text.indexOf(":");
  const equals = text.lastIndexOf("=");
  if (colon === -1 || equals < colon) throw bad("expected kind:old=new");
  const kind = text.slice(0, colon) as RenameHint["kind"];
  if (!Object.hasOwn(SHAPE, kind)) throw bad(`unknown kind "${kind}"; one of ${Object.keys(SHAPE).join(", ")}`);
  const old = text.slice(colon + 1, equals).split(".");
  const to = text.slice(equals + 1);
  if (old.some((p) => p === "")) throw bad("the old name is empty or has an empty part");
  if (to === "" || to.includes(".")) throw bad("the new name must be a bare name (renames stay in their schema or table)");
  const shape = SHAPE[kind];
  const parts = shape === "schema" ? [1, 1] : shape === "relation" ? [1, 2] : [2, 3];
  if (old.length < parts[0]! || old.length > parts[1]!) {
    throw bad(shape === "schema" ? "a schema name has no dots" : shape === "relation" ? "expected [schema.]name" : "expected [schema.]table.column");
  }
  const qualified = old.length === parts[0] && shape !== "schema" ? ["public", ...old] : old;
  return { kind, from: qualified.join("."), to };
}

/**
 * A `--renames` file: a JSON array (or `{ "renames": [...] }`) of `kind:old=new` strings or
 * `{ "kind", "from", "to" }` objects, checked as the flag is.
 */
export function parseRenamesFile(text: string, path: string): RenameHint[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--renames ${path}: not JSON (${(e as Error).message})`, "plan");
  }
  const list = Array.isArray(value) ? value : (value as { renames?: unknown } | null)?.renames;
  if (!Array.isArray(list)) throw new UsageError(`--renames ${path}: expected an array of renames or { "renames": [...] }`, "plan");
  return list.map((item: unknown) => {
    if (typeof item === "string") return parseRenameHint(item);
    const o = item as { kind?: unknown; from?: unknown; to?: unknown } | null;
    if (typeof o?.kind !== "string" || typeof o.from !== "string" || typeof o.to !== "string") {
      throw new UsageError(`--renames ${path}: each rename is "kind:old=new" or { "kind", "from", "to" }: ${JSON.stringify(item)}`, "plan");
    }
    return parseRenameHint(`${o.kind}:${o.from}=${o.to}`);
  });
}
