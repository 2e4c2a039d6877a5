import type { Catalog, Column, Table, TableConstraint } from "../../src/catalog/model.js";

export const EMPTY_CATALOG: Catalog = {
  formatVersion: 1, server: { versionNum: 180000 }, schemas: [], extensions: [], collations: [], types: [], sequences: [],
  tables: [], indexes: [], views: [], materializedViews: [], routines: [], triggers: [], eventTriggers: [], rules: [],
  policies: [], casts: [], textSearchConfigurations: [], textSearchDictionaries: [], foreignServers: [],
  defaultPrivileges: [], dependencies: [], unmodeled: [],
};

export interface SyntheticOptions {
  readonly seed?: number;
  /** Tables go round-robin into these schemas (default: `public` only). */
  readonly schemas?: readonly string[];
}

const TYPES = ["bigint", "integer", "text", "character varying(120)", "timestamp with time zone", "boolean", "numeric(12,2)", "jsonb", "uuid"];

/**
 * A catalog shaped like the one the diagram tools were measured on (../shared/reference/design-tools.md): `count`
 * tables with 5–15 columns each and about 1.3 foreign keys per table, pointing mostly at earlier tables and
 * favouring the first ones (hubs such as `users`), a few self-references. Seeded: the same arguments give the same
 * catalog.
 */
export function syntheticCatalog(count: number, options: SyntheticOptions = {}): Catalog {
  let state = (options.seed ?? 1) >>> 0 || 1;
  const random = () => {
    // xorshift32
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x1_0000_0000;
  };
  const pick = (n: number) => Math.floor(random() * n);
  const schemas = options.schemas ?? ["public"];
  const names = Array.from({ length: count }, (_, i) => ({ schema: schemas[i % schemas.length]!, name: `t${String(i).padStart(3, "0")}_${["orders", "items", "users", "events", "notes", "prices"][i % 6]}` }));

  const tables: Table[] = names.map((q, i) => {
    const columns: Column[] = [{ name: "id", type: "bigint", notNull: true }];
    const constraints: TableConstraint[] = [
      { kind: "primary-key", name: `${q.name}_pkey`, definition: "PRIMARY KEY (id)", columns: ["id"], index: `${q.name}_pkey` },
    ];
    const fks = i === 0 ? 0 : random() < 0.3 ? 0 : random() < 0.55 ? 1 : random() < 0.7 ? 2 : 3;
    const targets = new Set<number>();
    for (let k = 0; k < fks; k++) targets.add(random() < 0.03 ? i : Math.floor(Math.pow(random(), 2) * i));
    for (const target of [...targets].sort((a, b) => a - b)) {
      const column = `${names[target]!.name}_id`;
      const notNull = random() < 0.7;
      columns.push({ name: column, type: "bigint", notNull });
      constraints.push({
        kind: "foreign-key", name: `${q.name}_${column}_fkey`, definition: `FOREIGN KEY (${column}) REFERENCES …`,
        columns: [column], references: { table: names[target]!, columns: ["id"] }, match: "simple", onUpdate: "no action", onDelete: "no action",
      });
    }
    const extra = 5 + pick(11) - columns.length;
    for (let k = 0; k < extra; k++) columns.push({ name: `col_${k}_${["name", "amount", "created_at", "status", "payload"][pick(5)]}`, type: TYPES[pick(TYPES.length)]!, notNull: random() < 0.5 });
    return { ...q, owner: "app", columns, constraints };
  });
  return {
    ...EMPTY_CATALOG,
    schemas: schemas.map((name) => ({ name, owner: "app" })),
    tables: tables.sort((a, b) => (a.schema + "." + a.name < b.schema + "." + b.name ? -1 : 1)),
  };
}

/** A catalog holding just these tables (and indexes), for tests of functions over the model. */
export function catalogOf(tables: readonly Table[], extra: Partial<Omit<Catalog, "tables">> = {}): Catalog {
  const schemas = [...new Set(tables.map((t) => t.schema))].sort().map((name) => ({ name, owner: "app" }));
  return { ...EMPTY_CATALOG, schemas, ...extra, tables: [...tables] };
}

/** `columns` as `name type`, with ` not null` at the end for NOT NULL; constraints from `pk`, `fk`, `unique`. */
export function tableOf(qualified: string, columns: readonly string[], constraints: readonly TableConstraint[] = [], extra: Partial<Table> = {}): Table {
  const dot = qualified.indexOf(".");
  const parsed = columns.map((spec): Column => {
    const notNull = spec.endsWith(" not null");
    const text = notNull ? spec.slice(0, -" not null".length) : spec;
    const space = text.indexOf(" ");
    return { name: text.slice(0, space), type: text.slice(space + 1), notNull };
  });
  return { schema: qualified.slice(0, dot), name: qualified.slice(dot + 1), owner: "app", columns: parsed, constraints: [...constraints], ...extra };
}

export function pk(name: string, ...columns: string[]): TableConstraint {
  return { kind: "primary-key", name, definition: `PRIMARY KEY (${columns.join(", ")})`, columns, index: name };
}

export function unique(name: string, ...columns: string[]): TableConstraint {
  return { kind: "unique", name, definition: `UNIQUE (${columns.join(", ")})`, columns, index: name };
}

export function fk(name: string, columns: readonly string[], references: string, referencedColumns: readonly string[]): TableConstraint {
  const dot = references.indexOf(".");
  return {
    kind: "foreign-key", name, definition: `FOREIGN KEY (…) REFERENCES ${references}(…)`, columns,
    references: { table: { schema: references.slice(0, dot), name: references.slice(dot + 1) }, columns: referencedColumns },
    match: "simple", onUpdate: "no action", onDelete: "no action",
  };
}
