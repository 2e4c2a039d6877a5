import type { Catalog, ObjectId, Table } from "../catalog/model.js";
import { objectId } from "../catalog/object-id.js";
import { type Entry, ownerOf, relationOfPart, tableOfPart } from "../diff/entries.js";
import { qname } from "../sql/ident.js";

export interface RecreateSet {
  /** Objects dropped and created again: those PostgreSQL cannot alter, and whatever is built on them. */
  readonly objects: ReadonlySet<ObjectId>;
  /**
   * Parts of tables that stay (a default, a constraint, a column) but depend on a recreated object: they are
   * dropped before it and added back after, by table id.
   */
  readonly parts: ReadonlyMap<ObjectId, ReadonlySet<ObjectId>>;
}

/**
 * Everything that must be recreated with the objects in `seed`: what depends on them in the source catalog
 * (views over a table, a table's indexes and triggers, a domain's users…), transitively. A dependent part of a
 * table that stays is recreated alone, never the whole table. `dropped` are parts the plan drops for good (a
 * constraint, an index): a foreign key that needs one is rebuilt on what replaces it.
 */
export function recreateClosure(
  seed: Iterable<ObjectId>,
  dropped: ReadonlySet<ObjectId>,
  handled: ReadonlySet<ObjectId>,
  from: Catalog,
  fromEntries: ReadonlyMap<ObjectId, Entry>,
  toEntries: ReadonlyMap<ObjectId, Entry>,
): RecreateSet {
  const dependents = new Map<ObjectId, ObjectId[]>();
  const add = (target: ObjectId, dependent: ObjectId): void => {
    const list = dependents.get(target);
    if (list) list.push(dependent);
    else dependents.set(target, [dependent]);
  };
  // Keyed by the part itself and by its table: a recreated table takes along whatever needs any of its columns.
  for (const d of from.dependencies) {
    add(d.to, d.from);
    const table = fromEntries.has(d.to) ? undefined : relationOfPart(d.to, fromEntries);
    if (table !== undefined) add(table, d.from);
  }
  for (const entry of fromEntries.values()) {
    const owner = ownerOf(entry, fromEntries);
    const top = owner && (fromEntries.has(owner) ? owner : relationOfPart(owner, fromEntries));
    if (top) add(top, entry.id);
  }

  const objects = new Set<ObjectId>(seed);
  const parts = new Map<ObjectId, Set<ObjectId>>();
  // Dropped parts are not recreated themselves, but what needs them is.
  const queue = [...objects, ...dropped];
  const passed = new Set<ObjectId>();
  while (queue.length > 0) {
    const id = queue.pop()!;
    for (const d of dependents.get(id) ?? []) {
      if (d === id || objects.has(d) || passed.has(d)) continue;
      if (handled.has(d)) {
        // Changed by the steps themselves; what is built on it still needs rebuilding.
        passed.add(d);
        queue.push(d);
        continue;
      }
      if (fromEntries.has(d)) {
        if (!toEntries.has(d)) continue;
        objects.add(d);
        queue.push(d);
        continue;
      }
      const table = tableOfPart(d);
      if (table === undefined || !fromEntries.has(table) || table === id) continue;
      const set = parts.get(table) ?? new Set<ObjectId>();
      set.add(columnPart(d, id, fromEntries.get(table)!, fromEntries.get(id)));
      parts.set(table, set);
    }
  }
  for (const table of objects) parts.delete(table);
  return { objects, parts };
}

/**
 * The catalog records a column's default under the column itself: a column that needs a recreated function or
 * sequence needs it for its default, which alone is dropped and set again. Only a column whose type (or
 * collation, or generation expression) is the recreated object must go itself.
 */
function columnPart(part: ObjectId, needed: ObjectId, tableEntry: Entry, neededEntry: Entry | undefined): ObjectId {
  if (!part.startsWith("column:") || tableEntry.list !== "tables") return part;
  const table = tableEntry.object;
  const column = table.columns.find((c) => objectId.column(table, c.name) === part);
  if (!column || column.default === undefined || column.generated) return part;
  const typeName = neededEntry && (neededEntry.list === "types" || neededEntry.list === "collations") ? qname(neededEntry.object) : undefined;
  const usesType = typeName !== undefined && (column.type === typeName || column.type.startsWith(`${typeName}[`) || column.type.startsWith(`${typeName}(`) || column.collation === typeName);
  return usesType ? part : objectId.columnDefault(table, column.name);
}

/** The table without the given parts: the state between dropping them and adding them back. */
export function withoutParts(table: Table, parts: ReadonlySet<ObjectId>): Table {
  const has = (id: ObjectId): boolean => parts.has(id);
  const columns = table.columns
    .filter((c) => !has(objectId.column(table, c.name)))
    .map((c) => (has(objectId.columnDefault(table, c.name)) ? { ...c, default: undefined } : c))
    .map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) as typeof c);
  const gone = new Set(table.columns.filter((c) => has(objectId.column(table, c.name))).map((c) => c.name));
  const constraints = table.constraints.filter(
    (k) => !has(objectId.constraint(table, k.name)) && !("columns" in k && k.columns.some((c) => gone.has(c))),
  );
  return { ...table, columns, constraints };
}
