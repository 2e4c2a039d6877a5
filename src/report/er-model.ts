import type { Catalog, ForeignKeyConstraint, QualifiedName, Table } from "../catalog/model.js";
import { ident } from "../sql/ident.js";

/**
 * What an entity–relationship diagram shows of a catalog, shared by the Graphviz and the Mermaid writers: one entity
 * per table (partitions folded into their partitioned root), its columns with key markers, and one relation per
 * foreign key. Tables referenced from outside the catalog (schemas not inspected) become `external` stubs so that
 * every relation has two ends.
 */
export interface ErModel {
  /** Sorted by id. */
  readonly tables: readonly ErTable[];
  /** Sorted by (from, name). */
  readonly relations: readonly ErRelation[];
}

export interface ErTable {
  /** `schema.name`, raw (unquoted). */
  readonly id: string;
  readonly schema: string;
  readonly name: string;
  readonly columns: readonly ErColumn[];
  /** One line under the name, e.g. `partitioned by RANGE (at) · 2 partitions`, `foreign table (server s)`. */
  readonly note?: string;
  /** Referenced but not in the catalog: only the referenced columns are known. */
  readonly external?: true;
}

export interface ErColumn {
  readonly name: string;
  /** Shortened `format_type` text (`varchar(80)`, `timestamptz`, the table's own schema left out); "" when unknown. */
  readonly type: string;
  readonly primaryKey: boolean;
  readonly foreignKey: boolean;
  /** Covered by a UNIQUE constraint or a full (non-partial, column-only) unique index. */
  readonly unique: boolean;
  readonly notNull: boolean;
}

export interface ErRelation {
  /** The constraint's name. */
  readonly name: string;
  /** The referencing table (id). */
  readonly from: string;
  readonly fromColumns: readonly string[];
  /** The referenced table (id). */
  readonly to: string;
  readonly toColumns: readonly string[];
  /** Some referencing column may be null: a row needs no parent. */
  readonly optional: boolean;
  /** The referencing columns are a key of their table: at most one row per parent (one-to-one). */
  readonly oneToOne: boolean;
}

const TYPE_ABBREVIATIONS: readonly (readonly [RegExp, string])[] = [
  [/^character varying/, "varchar"],
  [/^character(?= |\(|$)/, "char"],
  [/^bit varying/, "varbit"],
  [/^timestamp(\(\d+\))? with time zone/, "timestamptz$1"],
  [/^timestamp(\(\d+\))? without time zone/, "timestamp$1"],
  [/^time(\(\d+\))? with time zone/, "timetz$1"],
  [/^time(\(\d+\))? without time zone/, "time$1"],
];

export function erModel(catalog: Catalog): ErModel {
  const byId = new Map(catalog.tables.map((t) => [idOf(t), t]));
  const rootOf = (q: QualifiedName): string => {
    let id = idOf(q);
    for (let seen = 0, t = byId.get(id); t?.partitionOf && seen < byId.size; seen++, t = byId.get(id)) id = idOf(t.partitionOf.parent);
    return id;
  };
  const partitionCount = new Map<string, number>();
  for (const t of catalog.tables) if (t.partitionOf) partitionCount.set(rootOf(t), (partitionCount.get(rootOf(t)) ?? 0) + 1);

  const foreignKeys = catalog.tables.flatMap((t) =>
    t.constraints.filter((c): c is ForeignKeyConstraint => c.kind === "foreign-key").map((fk) => ({ table: t, fk })),
  );
  const fkColumns = new Set(foreignKeys.flatMap(({ table, fk }) => fk.columns.map((c) => `${rootOf(table)}\u0000${c}`)));
  const uniqueSets = uniqueColumnSets(catalog);

  const tables = new Map<string, ErTable>();
  for (const t of catalog.tables) {
    if (t.partitionOf) continue;
    const id = idOf(t);
    const keys = uniqueSets.get(id) ?? [];
    const pk = new Set(keys.find((k) => k.primary)?.columns ?? []);
    const unique = new Set(keys.filter((k) => !k.primary).flatMap((k) => k.columns));
    tables.set(id, {
      id,
      schema: t.schema,
      name: t.name,
      columns: t.columns.map((c) => ({
        name: c.name,
        type: shortType(c.type, t.schema),
        primaryKey: pk.has(c.name),
        foreignKey: fkColumns.has(`${id}\u0000${c.name}`),
        unique: unique.has(c.name),
        notNull: c.notNull,
      })),
      ...noteOf(t, partitionCount.get(id) ?? 0),
    });
  }

  const relations = new Map<string, ErRelation>();
  for (const { table, fk } of foreignKeys) {
    const from = rootOf(table);
    const to = rootOf(fk.references.table);
    if (!tables.has(to)) addExternal(tables, fk.references.table, fk.references.columns);
    const source = tables.get(from);
    const columns = fk.columns.map((name) => source?.columns.find((c) => c.name === name));
    const keys = uniqueSets.get(from) ?? [];
    const relation: ErRelation = {
      name: fk.name,
      from,
      fromColumns: fk.columns,
      to,
      toColumns: fk.references.columns,
      optional: columns.some((c) => c === undefined || !c.notNull),
      oneToOne: keys.some((k) => k.columns.every((c) => fk.columns.includes(c))),
    };
    // A foreign key declared on each partition alike shows once, on the root.
    relations.set(`${from}\u0000${fk.name}\u0000${to}\u0000${fk.columns.join(",")}`, relation);
  }

  return {
    tables: [...tables.values()].sort((a, b) => compare(a.id, b.id)),
    relations: [...relations.values()].sort((a, b) => compare(a.from, b.from) || compare(a.name, b.name) || compare(a.to, b.to)),
  };
}

/** `schema.name`, raw. */
export function idOf(q: QualifiedName): string {
  return `${q.schema}.${q.name}`;
}

/** Code-point order, so output does not depend on the locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `format_type` text made shorter for a diagram: common abbreviations, the table's own schema left out. */
export function shortType(type: string, schema: string): string {
  let text = type;
  for (const [pattern, replacement] of TYPE_ABBREVIATIONS) text = text.replace(pattern, replacement);
  const prefix = `${ident(schema)}.`;
  return text.startsWith(prefix) ? text.slice(prefix.length) : text;
}

interface KeyColumns {
  readonly primary: boolean;
  readonly columns: readonly string[];
}

function uniqueColumnSets(catalog: Catalog): Map<string, KeyColumns[]> {
  const sets = new Map<string, KeyColumns[]>();
  const add = (id: string, key: KeyColumns) => sets.set(id, [...(sets.get(id) ?? []), key]);
  for (const t of catalog.tables) {
    for (const c of t.constraints) {
      if (c.kind === "primary-key" || c.kind === "unique") add(idOf(t), { primary: c.kind === "primary-key", columns: c.columns });
    }
  }
  for (const i of catalog.indexes) {
    if (!i.unique || i.constraint !== undefined || i.predicate !== undefined || i.partitionOf !== undefined) continue;
    const columns = i.keys.map((k) => k.column);
    if (columns.every((c): c is string => c !== undefined)) add(idOf(i.table), { primary: false, columns });
  }
  return sets;
}

function noteOf(t: Table, partitions: number): { note?: string } {
  const notes: string[] = [];
  if (t.partitioning) {
    notes.push(`partitioned by ${t.partitioning.key}${partitions > 0 ? ` · ${partitions} partition${partitions === 1 ? "" : "s"}` : ""}`);
  }
  if (t.foreign) notes.push(`foreign table (server ${t.foreign.server})`);
  if (t.unlogged) notes.push("unlogged");
  if (t.inherits && t.inherits.length > 0) notes.push(`inherits ${t.inherits.map(idOf).join(", ")}`);
  return notes.length > 0 ? { note: notes.join(" · ") } : {};
}

function addExternal(tables: Map<string, ErTable>, q: QualifiedName, columns: readonly string[]): void {
  const id = idOf(q);
  const known = tables.get(id)?.columns ?? [];
  const names = [...new Set([...known.map((c) => c.name), ...columns])];
  tables.set(id, {
    id,
    schema: q.schema,
    name: q.name,
    columns: names.map((name) => ({ name, type: "", primaryKey: false, foreignKey: false, unique: false, notNull: false })),
    note: "not in this catalog",
    external: true,
  });
}
