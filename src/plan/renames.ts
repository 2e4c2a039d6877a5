import type { Catalog, QualifiedName, Table } from "../catalog/model.js";
import { canonicalize } from "../catalog/canonical.js";
import { defaultNotNullName } from "../catalog/read/table-default-names.js";
import { objectId } from "../catalog/object-id.js";
import { ident, literal, qname } from "../sql/ident.js";
import { breaking } from "./breaking.js";
import { hazard } from "./hazards.js";
import type { RenameHint } from "./options.js";
import { renameIdentifier, renameQualified, renameSchemaText } from "./rename-text.js";
import type { Step } from "./step.js";
import { verifyQuery } from "./verify.js";

const RELATION_KEYWORD = {
  table: "TABLE",
  view: "VIEW",
  "materialized-view": "MATERIALIZED VIEW",
  sequence: "SEQUENCE",
  index: "INDEX",
  type: "TYPE",
} as const;

export interface Renamed {
  /** The source catalog as it is once the renames ran: the rest of the plan is the diff from here. */
  readonly catalog: Catalog;
  /** One step per rename, to run before the rest. */
  readonly steps: readonly Step[];
  /**
   * Views and materialized views over a renamed column, by id in the source catalog: PostgreSQL keeps their
   * output names (`new AS old`), which no text rewrite can predict, so they are dropped before the renames (and
   * left out of `catalog`, so the plan creates them as the target has them).
   */
  readonly dropFirst: ReadonlySet<string>;
}

/**
 * Applies the user's rename hints to the source catalog, so that a renamed table or column is altered in place
 * instead of dropped (with its data) and created empty. A hint whose old name is not in the source, or whose new
 * name is not in the target, is ignored: re-planning after the renames ran must find nothing left to rename.
 */
export function applyRenames(from: Catalog, to: Catalog, hints: readonly RenameHint[]): Renamed {
  const dropFirst = viewsOverRenamedColumns(from, hints);
  let catalog: Catalog = dropFirst.size === 0 ? from : withoutRelations(from, dropFirst);
  const steps: Step[] = [];
  for (const hint of hints) {
    const result =
      hint.kind === "column" ? renameColumn(catalog, to, hint) : hint.kind === "schema" ? renameSchema(catalog, to, hint) : hint.kind in RELATION_KEYWORD ? renameRelation(catalog, to, hint) : undefined;
    if (!result) continue;
    catalog = result.catalog;
    steps.push(...result.steps);
  }
  return { catalog: steps.length === 0 ? from : canonicalize(catalog), steps, dropFirst: steps.length === 0 ? new Set() : dropFirst };
}

/** Views and materialized views that need a column some hint renames, and whatever is built on those. */
function viewsOverRenamedColumns(from: Catalog, hints: readonly RenameHint[]): Set<string> {
  // A column hint names its table as it is after a table rename in the same plan.
  const oldTable = new Map(
    hints.filter((h) => h.kind === "table").map((h) => {
      const [schema, name] = split(h.from) as [string, string];
      return [`${schema}.${h.to}`, name] as const;
    }),
  );
  const columns = new Set(
    hints.filter((h) => h.kind === "column").map((h) => {
      const [schema, table, column] = split(h.from) as [string, string, string];
      return objectId.column({ schema, name: oldTable.get(`${schema}.${table}`) ?? table }, column);
    }),
  );
  const found = new Set<string>();
  if (columns.size === 0) return found;
  const isView = (id: string): boolean => id.startsWith("view:") || id.startsWith("materialized-view:");
  for (let grew = true; grew; ) {
    grew = false;
    for (const d of from.dependencies) {
      const relation = isView(d.from) ? d.from : undefined;
      const needed = columns.has(d.to) || found.has(d.to) || [...found].some((v) => d.to.startsWith(`column:${v.slice(v.indexOf(":") + 1)}.`));
      if (relation && needed && !found.has(relation)) {
        found.add(relation);
        grew = true;
      }
    }
  }
  return found;
}

/** The catalog without these views and materialized views (and the indexes of those). */
function withoutRelations(from: Catalog, ids: ReadonlySet<string>): Catalog {
  const gone = (kind: string, q: QualifiedName): boolean => ids.has(`${kind}:${qname(q)}`);
  return {
    ...from,
    views: from.views.filter((v) => !gone("view", v)),
    materializedViews: from.materializedViews.filter((m) => !gone("materialized-view", m)),
    indexes: from.indexes.filter((i) => !gone("materialized-view", i.table)),
    triggers: from.triggers.filter((t) => !gone("view", t.table)),
    rules: from.rules.filter((r) => !gone("view", r.table)),
  };
}

const split = (path: string): string[] => path.split(".");
const same = (q: QualifiedName, schema: string, name: string): boolean => q.schema === schema && q.name === name;

/** Every string in a value, transformed; the routine bodies are left alone (PostgreSQL does not rewrite them). */
function mapStrings<T>(value: T, fn: (s: string) => string): T {
  if (typeof value === "string") return fn(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, fn)])) as T;
  }
  return value;
}

function renameRelation(from: Catalog, to: Catalog, hint: RenameHint): Omit<Renamed, "dropFirst"> | undefined {
  const [schema, name] = split(hint.from) as [string, string];
  const kind = hint.kind as keyof typeof RELATION_KEYWORD;
  const list = { table: from.tables, view: from.views, "materialized-view": from.materializedViews, sequence: from.sequences, index: from.indexes, type: from.types }[kind] as readonly QualifiedName[];
  const toList = { table: to.tables, view: to.views, "materialized-view": to.materializedViews, sequence: to.sequences, index: to.indexes, type: to.types }[kind] as readonly QualifiedName[];
  const object = list.find((o) => same(o, schema, name));
  if (!object || !toList.some((o) => same(o, schema, hint.to)) || list.some((o) => same(o, schema, hint.to))) return undefined;
  const keyword = kind === "type" && (object as { kind?: string }).kind === "domain" ? "DOMAIN" : RELATION_KEYWORD[kind];
  const old = qname(object);
  const renamed = qname({ schema, name: hint.to });
  const rewrite = (s: string): string => renameQualified(s, schema, name, hint.to);
  const { routines, ...rest } = from;
  const catalog: Catalog = {
    ...mapStrings(rest, rewrite),
    // References to the relation in routines are `{schema, name}` fields of aggregates only; bodies stay as written.
    routines,
  };
  const renameFields = <T>(value: T): T =>
    mapObjects(value, (o) => ("schema" in o && "name" in o && same(o as unknown as QualifiedName, schema, name) ? { ...o, name: hint.to } : o));
  // PostgreSQL 18 names NOT NULL constraints after the table; a rename keeps the old names, now not the default.
  const pinned = kind === "table" && from.server.versionNum >= 180000 ? pinNotNullNames(catalog.tables, schema, name) : catalog.tables;
  const result: { -readonly [K in keyof Catalog]: Catalog[K] } = {
    ...catalog,
    ...(kind === "table" ? { tables: renameFields(pinned), indexes: renameFields(catalog.indexes), triggers: renameFields(catalog.triggers), rules: renameFields(catalog.rules), policies: renameFields(catalog.policies), sequences: renameFields(catalog.sequences) } : {}),
    ...(kind === "view" ? { views: renameFields(catalog.views), triggers: renameFields(catalog.triggers), rules: renameFields(catalog.rules) } : {}),
    ...(kind === "materialized-view" ? { materializedViews: renameFields(catalog.materializedViews), indexes: renameFields(catalog.indexes) } : {}),
    ...(kind === "sequence" ? { sequences: renameFields(catalog.sequences) } : {}),
    ...(kind === "index" ? { indexes: renameFields(catalog.indexes), tables: catalog.tables } : {}),
    ...(kind === "type" ? { types: renameFields(catalog.types) } : {}),
  };
  if (kind === "index") {
    // pg_get_indexdef names the index unqualified.
    const head = `INDEX ${ident(name)} ON `;
    (result as { indexes: Catalog["indexes"] }).indexes = result.indexes.map((i) =>
      same(i, schema, hint.to) ? { ...i, definition: i.definition.replace(head, `INDEX ${ident(hint.to)} ON `) } : i,
    );
  }
  const id = kind === "type" ? objectId.type({ schema, name: hint.to }) : `${kind}:${renamed}`;
  // Nobody names an index in a query: renaming one breaks nothing.
  const breaks = kind !== "index";
  return {
    catalog: result,
    steps: [
      {
        why: `rename ${kind} ${old} to ${hint.to}`,
        change: { action: "rename", object: id },
        sql: [`ALTER ${keyword} ${old} RENAME TO ${ident(hint.to)};`],
        transaction: "shared",
        locks: kind === "type" ? [] : [{ level: "ACCESS EXCLUSIVE", on: id }],
        hazards: breaks
          ? [hazard("breaking-readers", `queries naming ${old} fail after the rename`), ...(kind === "table" ? [hazard("breaking-writers", `writes naming ${old} fail after the rename`)] : [])]
          : [],
        breaking: breaks ? [breaking("relation-renamed", `${old} is now ${renamed}`)] : [],
        reverse: { class: "reversible", sql: [`ALTER ${keyword} ${renamed} RENAME TO ${ident(name)};`] },
        verify: verifyQuery(kind === "type" ? `to_regtype(${literal(renamed)}) IS NOT NULL` : `to_regclass(${literal(renamed)}) IS NOT NULL`),
        retry: { safe: true },
        creates: [id],
        drops: [],
      },
    ],
  };
}

/**
 * A schema renamed: every object in it moves along (PostgreSQL keeps them, by OID). String-bodied routines keep
 * their text as written, which PostgreSQL does not rewrite either, so one naming the old schema gets replaced.
 */
function renameSchema(from: Catalog, to: Catalog, hint: RenameHint): Omit<Renamed, "dropFirst"> | undefined {
  const old = hint.from;
  if (!from.schemas.some((s) => s.name === old) || from.schemas.some((s) => s.name === hint.to) || !to.schemas.some((s) => s.name === hint.to)) return undefined;
  const text = (s: string): string => renameSchemaText(s, old, hint.to);
  const moved = <T>(value: T): T => mapObjects(mapStrings(value, text), (o) => (o["schema"] === old ? { ...o, schema: hint.to } : o));
  const { routines, schemas, ...rest } = from;
  const catalog: Catalog = {
    ...moved(rest),
    schemas: schemas.map((s) => (s.name === old ? { ...s, name: hint.to } : s)),
    routines: routines.map((r) => {
      const next = moved(r);
      return r.sqlStandardBody ? next : { ...next, body: r.body, definition: r.definition };
    }),
  };
  const id = objectId.schema(hint.to);
  const nonEmpty = from.tables.some((t) => t.schema === old) || from.views.some((v) => v.schema === old) || from.routines.some((r) => r.schema === old);
  return {
    catalog,
    steps: [
      {
        why: `rename schema ${old} to ${hint.to}`,
        change: { action: "rename", object: id },
        sql: [`ALTER SCHEMA ${ident(old)} RENAME TO ${ident(hint.to)};`],
        transaction: "shared",
        locks: [],
        hazards: nonEmpty ? [hazard("breaking-readers", `queries naming objects in ${old} fail after the rename`), hazard("breaking-writers", `writes naming tables in ${old} fail after the rename`)] : [],
        breaking: nonEmpty ? [breaking("relation-renamed", `the objects of schema ${old} are now in ${hint.to}`)] : [],
        reverse: { class: "reversible", sql: [`ALTER SCHEMA ${ident(hint.to)} RENAME TO ${ident(old)};`] },
        verify: verifyQuery(`EXISTS (SELECT FROM pg_catalog.pg_namespace WHERE nspname = ${literal(hint.to)})`),
        retry: { safe: true },
        creates: [id],
        drops: [],
      },
    ],
  };
}

/** Columns of the table keep the NOT NULL constraint names they had under the old table name. */
function pinNotNullNames(tables: readonly Table[], schema: string, name: string): Table[] {
  return tables.map((t) =>
    same(t, schema, name)
      ? { ...t, columns: t.columns.map((c) => (c.notNull && !c.notNullConstraint && !c.inherited ? { ...c, notNullConstraint: { name: defaultNotNullName(name, c.name) } } : c)) }
      : t,
  );
}

/** Objects in a value, transformed bottom-up. */
function mapObjects<T>(value: T, fn: (o: Record<string, unknown>) => Record<string, unknown>): T {
  if (Array.isArray(value)) return value.map((v) => mapObjects(v, fn)) as T;
  if (value !== null && typeof value === "object") {
    const inner = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapObjects(v, fn)]));
    return fn(inner) as T;
  }
  return value;
}

function renameColumn(from: Catalog, to: Catalog, hint: RenameHint): Omit<Renamed, "dropFirst"> | undefined {
  const [schema, tableName, column] = split(hint.from) as [string, string, string];
  const table = from.tables.find((t) => same(t, schema, tableName));
  const target = to.tables.find((t) => same(t, schema, tableName));
  if (!table || !table.columns.some((c) => c.name === column) || table.columns.some((c) => c.name === hint.to)) return undefined;
  if (!target?.columns.some((c) => c.name === hint.to)) return undefined;
  const onTable = (q: QualifiedName): boolean => same(q, schema, tableName);
  const text = (s: string): string => renameIdentifier(s, column, hint.to);
  const col = (c: string): string => (c === column ? hint.to : c);
  const ids = (s: string): string =>
    [objectId.column(table, column), objectId.columnDefault(table, column)].reduce((acc, id, n) => (acc === id ? (n === 0 ? objectId.column(table, hint.to) : objectId.columnDefault(table, hint.to)) : acc), s);

  const renamedTable: Table = {
    ...table,
    columns: table.columns.map((c) => ({
      ...c,
      name: col(c.name),
      ...(c.name === column && c.notNull && !c.notNullConstraint && from.server.versionNum >= 180000 && !c.inherited
        ? { notNullConstraint: { name: defaultNotNullName(table.name, column) } }
        : {}),
      ...(c.default !== undefined ? { default: text(c.default) } : {}),
      ...(c.generated ? { generated: { ...c.generated, expression: text(c.generated.expression) } } : {}),
    })),
    constraints: table.constraints.map((k) => {
      return {
        ...k,
        definition: text(k.definition),
        ...(k.kind === "check" ? { expression: text(k.expression) } : {}),
        ...("columns" in k ? { columns: k.columns.map(col) } : {}),
        ...("include" in k && k.include ? { include: k.include.map(col) } : {}),
        ...(k.kind === "foreign-key" && onTable(k.references.table) ? { references: { ...k.references, columns: k.references.columns.map(col) } } : {}),
      } as typeof k;
    }),
  };
  const catalog: Catalog = {
    ...from,
    tables: from.tables.map((t) => {
      if (t === table) return renamedTable;
      // Foreign keys of other tables that point at the renamed column: only their REFERENCES part names it.
      return {
        ...t,
        constraints: t.constraints.map((k) => {
          if (k.kind !== "foreign-key" || !onTable(k.references.table)) return k;
          const at = k.definition.indexOf(" REFERENCES ");
          return { ...k, definition: k.definition.slice(0, at) + text(k.definition.slice(at)), references: { ...k.references, columns: k.references.columns.map(col) } };
        }),
      };
    }),
    indexes: from.indexes.map((i) =>
      onTable(i.table)
        ? {
            ...i,
            definition: text(i.definition),
            ...(i.predicate ? { predicate: text(i.predicate) } : {}),
            keys: i.keys.map((k) => ({ ...k, ...(k.column ? { column: col(k.column) } : {}), ...(k.expression ? { expression: text(k.expression) } : {}) })),
            ...(i.include ? { include: i.include.map(col) } : {}),
          }
        : i,
    ),
    triggers: from.triggers.map((t) => (onTable(t.table) ? { ...t, definition: text(t.definition), ...(t.when ? { when: text(t.when) } : {}), ...(t.updateColumns ? { updateColumns: t.updateColumns.map(col) } : {}) } : t)),
    policies: from.policies.map((p) => (onTable(p.table) ? { ...p, ...(p.using ? { using: text(p.using) } : {}), ...(p.withCheck ? { withCheck: text(p.withCheck) } : {}) } : p)),
    sequences: from.sequences.map((s) => (s.ownedBy && onTable(s.ownedBy.table) && s.ownedBy.column === column ? { ...s, ownedBy: { ...s.ownedBy, column: hint.to } } : s)),
    dependencies: from.dependencies.map((d) => ({ from: ids(d.from), to: ids(d.to) })),
  };
  const name = qname(table);
  const id = objectId.column(table, hint.to);
  return {
    catalog,
    steps: [
      {
        why: `rename column ${name}.${column} to ${hint.to}`,
        change: { action: "rename", object: id },
        sql: [`ALTER TABLE ${name} RENAME COLUMN ${ident(column)} TO ${ident(hint.to)};`],
        transaction: "shared",
        locks: [{ level: "ACCESS EXCLUSIVE", on: objectId.table(table) }],
        hazards: [hazard("breaking-readers", `queries naming ${name}.${column} fail after the rename`)],
        breaking: [breaking("column-renamed", `${name}.${column} is now ${hint.to}`)],
        reverse: { class: "reversible", sql: [`ALTER TABLE ${name} RENAME COLUMN ${ident(hint.to)} TO ${ident(column)};`] },
        verify: verifyQuery(`EXISTS (SELECT FROM pg_catalog.pg_attribute WHERE attrelid = to_regclass(${literal(name)}) AND attname = ${literal(hint.to)} AND NOT attisdropped)`),
        retry: { safe: true },
        creates: [id],
        drops: [],
      },
    ],
  };
}
