import type { Catalog, ObjectId, QualifiedName } from "../catalog/model.js";
import { objectId } from "../catalog/object-id.js";

/** The catalog's object lists: one per kind the diff pairs up. */
export type ObjectLists = Omit<Catalog, "formatVersion" | "server" | "dependencies" | "unmodeled">;
export type ListName = keyof ObjectLists;
export type ItemOf<L extends ListName> = ObjectLists[L][number];

/** One object of a catalog with its list and id: what the diff pairs up across two catalogs. */
export type Entry = { readonly [L in ListName]: { readonly list: L; readonly id: ObjectId; readonly object: ItemOf<L> } }[ListName];

export type EntryOf<L extends ListName> = Extract<Entry, { readonly list: L }>;

const qn = (q: QualifiedName): QualifiedName => q;

/** How each list's objects are identified; a new list fails to compile until it has an id. */
export const ENTRY_IDS: { readonly [L in ListName]: (item: ItemOf<L>) => ObjectId } = {
  schemas: (s) => objectId.schema(s.name),
  extensions: (e) => objectId.extension(e.name),
  collations: (c) => objectId.collation(qn(c)),
  types: (t) => objectId.type(qn(t)),
  sequences: (s) => objectId.sequence(qn(s)),
  tables: (t) => objectId.table(qn(t)),
  indexes: (i) => objectId.index(qn(i)),
  views: (v) => objectId.view(qn(v)),
  materializedViews: (m) => objectId.materializedView(qn(m)),
  routines: (r) => objectId.routine(r, r.identityArguments),
  triggers: (t) => objectId.trigger(t.table, t.name),
  eventTriggers: (t) => objectId.eventTrigger(t.name),
  rules: (r) => objectId.rule(r.table, r.name),
  policies: (p) => objectId.policy(p.table, p.name),
  casts: (c) => objectId.cast(c.source, c.target),
  textSearchConfigurations: (c) => objectId.textSearchConfiguration(qn(c)),
  textSearchDictionaries: (d) => objectId.textSearchDictionary(qn(d)),
  foreignServers: (s) => objectId.foreignServer(s.name),
  defaultPrivileges: (d) => objectId.defaultPrivilege(d.role, d.schema, d.objectType),
};

export const LIST_NAMES = Object.keys(ENTRY_IDS) as readonly ListName[];

/** Every object of the catalog by id, lists in `LIST_NAMES` order. */
export function catalogEntries(catalog: Catalog): Map<ObjectId, Entry> {
  const entries = new Map<ObjectId, Entry>();
  for (const list of LIST_NAMES) {
    const idOf = ENTRY_IDS[list] as (item: unknown) => ObjectId;
    for (const object of catalog[list] as readonly unknown[]) {
      const id = idOf(object);
      entries.set(id, { list, id, object } as Entry);
    }
  }
  return entries;
}

/**
 * The object whose drop removes this one with it (`DROP TABLE` drops the table's indexes, triggers, rules and
 * policies; dropping a column drops the sequences it owns), as an id of the same catalog.
 */
export function ownerOf(entry: Entry, entries: ReadonlyMap<ObjectId, Entry>): ObjectId | undefined {
  switch (entry.list) {
    case "indexes":
    case "triggers":
    case "rules":
    case "policies":
      return relationIdIn(entries, entry.object.table);
    case "tables":
      // DROP TABLE on a partitioned table drops its partitions.
      return entry.object.partitionOf ? objectId.table(entry.object.partitionOf.parent) : undefined;
    case "sequences":
      return entry.object.ownedBy ? objectId.column(entry.object.ownedBy.table, entry.object.ownedBy.column) : undefined;
    default:
      return undefined;
  }
}

/** The id of the table, view or materialized view with this name. */
export function relationIdIn(entries: ReadonlyMap<ObjectId, Entry>, q: QualifiedName): ObjectId | undefined {
  for (const id of [objectId.table(q), objectId.view(q), objectId.materializedView(q)]) if (entries.has(id)) return id;
  return undefined;
}

/**
 * The relation an id of a part belongs to: the table of a column, default or constraint (a domain's constraint
 * gives the domain's name under `table:`, which no table entry has).
 */
export function tableOfPart(id: ObjectId): ObjectId | undefined {
  const colon = id.indexOf(":");
  const kind = id.slice(0, colon);
  if (kind !== "column" && kind !== "default" && kind !== "constraint") return undefined;
  const path = id.slice(colon + 1);
  return `table:${path.slice(0, lastPartStart(path) - 1)}`;
}

/** The table, view or materialized view a part (column, default, constraint) belongs to, as an id of `entries`. */
export function relationOfPart(id: ObjectId, entries: ReadonlyMap<ObjectId, Entry>): ObjectId | undefined {
  const table = tableOfPart(id);
  if (table === undefined) return undefined;
  const path = table.slice("table:".length);
  return [table, `view:${path}`, `materialized-view:${path}`].find((x) => entries.has(x));
}

/** Where the last dot-separated identifier of a quoted path starts (`a."b.c"` → 2). */
function lastPartStart(path: string): number {
  if (!path.endsWith('"')) return path.lastIndexOf(".") + 1;
  // Walk back over a quoted identifier, where `""` is an escaped quote.
  let i = path.length - 2;
  for (;;) {
    const q = path.lastIndexOf('"', i);
    if (q > 0 && path[q - 1] === '"') {
      i = q - 2;
      continue;
    }
    return q;
  }
}
