import type { Catalog, QualifiedName, Table } from "../../src/catalog/model.js";
import type { Queryable } from "../../src/db/queryable.js";
import type { RenameHint } from "../../src/plan/options.js";
import type { Plan } from "../../src/plan/plan-types.js";
import { ident, qname } from "../../src/sql/ident.js";

/**
 * The rows a migration must keep. For every table that exists on both sides of a plan (by name, or under the name
 * a rename hint gives it) the row count and a digest of the values of the columns that keep their name and type,
 * are not generated and whose type the plan does not redefine: those values must come through the migration
 * untouched, whatever else it does to the table.
 */
export interface TrackedTable {
  readonly before: QualifiedName;
  readonly after: QualifiedName;
  /** Column names before → after; empty when only the count can be compared. */
  readonly columns: readonly { readonly before: string; readonly after: string }[];
}

export interface TableData {
  readonly count: number;
  readonly digest: string;
}

const key = (q: QualifiedName): string => `${q.schema}.${q.name}`;

/** Splits a dotted path of identifiers (`public."a.b".c`) into its unquoted parts. */
export function splitIdentifiers(path: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < path.length; i++) {
    const ch = path[i]!;
    if (quoted) {
      if (ch === '"' && path[i + 1] === '"') {
        current += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ".") {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

/** Renames as maps: table `schema.old` → new name; column `schema.table.old` → new name. */
function renameMaps(renames: readonly RenameHint[]): { tables: Map<string, string>; columns: Map<string, string> } {
  const tables = new Map<string, string>();
  const columns = new Map<string, string>();
  for (const r of renames) {
    const parts = splitIdentifiers(r.from);
    if (r.kind === "table") tables.set(parts.length === 1 ? `public.${parts[0]}` : parts.join("."), r.to);
    if (r.kind === "column") columns.set(parts.length === 2 ? `public.${parts.join(".")}` : parts.join("."), r.to);
  }
  return { tables, columns };
}

/** User-defined types that differ between the two catalogs: values of columns of these types may read differently. */
function changedTypes(from: Catalog, to: Catalog): Set<string> {
  const toTypes = new Map(to.types.map((t) => [key(t), JSON.stringify(t)]));
  const changed = new Set<string>();
  for (const t of from.types) if (toTypes.get(key(t)) !== JSON.stringify(t)) changed.add(key(t));
  return changed;
}

const typeRoot = (type: string): string => type.replace(/(\[\])+$/, "").replace(/\(.*\)$/, "");

/** The tables whose rows `from` → `to` must carry over, and which of their columns must keep their values. */
export function trackedTables(from: Catalog, to: Catalog, renames: readonly RenameHint[]): TrackedTable[] {
  const maps = renameMaps(renames);
  const toTables = new Map(to.tables.map((t) => [key(t), t]));
  const changed = changedTypes(from, to);
  const stable = (t: Table, c: Table["columns"][number]): boolean => {
    if (c.generated) return false;
    const root = typeRoot(c.type).replaceAll('"', "");
    return !changed.has(root);
  };
  const out: TrackedTable[] = [];
  for (const t of from.tables) {
    if (t.partitioning || t.foreign) continue;
    const afterName = maps.tables.get(key(t)) ?? t.name;
    const target = toTables.get(key({ schema: t.schema, name: afterName }));
    if (!target || target.partitioning || target.foreign) continue;
    const columns: { before: string; after: string }[] = [];
    for (const c of t.columns) {
      const name = maps.columns.get(`${key(t)}.${c.name}`) ?? c.name;
      const d = target.columns.find((x) => x.name === name);
      if (d && d.type === c.type && stable(t, c) && stable(target, d)) columns.push({ before: c.name, after: name });
    }
    out.push({ before: { schema: t.schema, name: t.name }, after: { schema: t.schema, name: afterName }, columns });
  }
  return out;
}

/** Row count and digest of the tracked columns, on one side (`before` or `after` names). */
export async function readTableData(db: Queryable, tables: readonly TrackedTable[], side: "before" | "after"): Promise<Map<string, TableData | string>> {
  const out = new Map<string, TableData | string>();
  for (const t of tables) {
    const name = t[side];
    const row = t.columns.length === 0 ? "''" : `row(${t.columns.map((c) => ident(c[side])).join(", ")})::text`;
    const sql =
      `select count(*)::int as count, md5(coalesce(string_agg(r, E'\\n' order by r collate "C"), '')) as digest ` +
      `from (select ${row} as r from only ${qname(name)}) s`;
    try {
      const [r] = await db.query<{ count: number; digest: string }>(sql);
      out.set(key(t.before), { count: r!.count, digest: r!.digest });
    } catch (e) {
      out.set(key(t.before), `cannot read ${qname(name)}: ${(e as Error).message}`);
    }
  }
  return out;
}

/**
 * Tables a plan may legitimately lose rows or values of: those named (directly or as the table of a column,
 * default or constraint) by a step with a data-loss hazard, or — when `lossy` — by a step whose reversal is lossy
 * or irreversible, or dropped by such a step.
 */
export function tablesTouchedByLoss(plan: Plan, includeLossyReversal: boolean): Set<string> {
  const out = new Set<string>();
  for (const step of plan.steps) {
    const loses = step.hazards.some((h) => h.code === "data-loss") || (includeLossyReversal && step.reverse.class !== "reversible");
    if (!loses) continue;
    for (const id of [step.change.object, ...step.drops, ...step.creates]) {
      const table = tableOf(id);
      if (table) out.add(table);
    }
  }
  return out;
}

function tableOf(id: string): string | undefined {
  const colon = id.indexOf(":");
  const kind = id.slice(0, colon);
  const parts = splitIdentifiers(id.slice(colon + 1).replace(/\(.*\)$/, ""));
  if (kind === "table" && parts.length === 2) return parts.join(".");
  if (["column", "default", "constraint", "index", "trigger", "policy", "rule"].includes(kind) && parts.length === 3) return `${parts[0]}.${parts[1]}`;
  return undefined;
}

/** Differences in kept rows, one line each; `skip` holds tables (by their `before` name) allowed to differ. */
export function rowDifferences(
  before: ReadonlyMap<string, TableData | string>,
  after: ReadonlyMap<string, TableData | string>,
  tables: readonly TrackedTable[],
  skip: ReadonlySet<string>,
): string[] {
  const out: string[] = [];
  for (const t of tables) {
    const k = key(t.before);
    if (skip.has(k) || (t.after.name !== t.before.name && skip.has(key(t.after)))) continue;
    const b = before.get(k);
    const a = after.get(k);
    if (typeof b === "string") continue; // unreadable before: nothing to compare with
    if (typeof a === "string" || a === undefined) {
      out.push(a ?? `${k}: not read`);
      continue;
    }
    if (b === undefined) continue;
    const where = t.after.name === t.before.name ? k : `${k} (now ${key(t.after)})`;
    if (a.count !== b.count) out.push(`${where}: ${b.count} rows before, ${a.count} after`);
    else if (a.digest !== b.digest) out.push(`${where}: values of ${t.columns.map((c) => c.before).join(", ")} changed`);
  }
  return out;
}
