/**
 * Catalog → the plan of a sample: which tables are filled, in which order, and how. Pure: no database, and the same
 * plan for the same catalog and options.
 */
import type { Catalog, QualifiedName, Table } from "../catalog/model.js";
import { qname } from "../sql/ident.js";
import type { PgParser } from "../sql/parser.js";
import { ColumnKinds } from "./column-kind.js";
import type { SampleOptions } from "./options.js";
import { canBeNull, type ForeignKeyPlan, planTable, type TablePlan } from "./table-plan.js";
import { edgeId, type OrderEdge, orderTables } from "./table-order.js";

export interface SamplePlan {
  /** In insert order: parents first. Skipped tables are listed too, with their reason. */
  readonly tables: readonly TablePlan[];
}

export const DEFAULT_ROWS = 50;

export function planSample(catalog: Catalog, parser: PgParser, options: SampleOptions = {}): SamplePlan {
  const inSchemas = (t: QualifiedName): boolean => options.schemas === undefined || options.schemas.includes(t.schema);
  const byKey = new Map(catalog.tables.map((t) => [qname(t), t]));
  const filled = catalog.tables.filter((t) => inSchemas(t) && !t.partitionOf && !t.foreign);
  const filledKeys = new Set(filled.map(qname));
  const filledAs = (ref: QualifiedName): string | undefined => {
    let t = byKey.get(qname(ref));
    for (let depth = 0; t?.partitionOf && depth < 10; depth++) t = byKey.get(qname(t.partitionOf.parent));
    const key = t ? qname(t) : undefined;
    return key !== undefined && filledKeys.has(key) ? key : undefined;
  };

  const keep = new Map<string, Set<string>>(filled.map((t) => [qname(t), new Set(primaryKey(t))]));
  for (const t of filled) {
    for (const c of t.constraints) {
      if (c.kind !== "foreign-key") continue;
      const parent = filledAs(c.references.table);
      if (parent !== undefined) for (const column of c.references.columns) keep.get(parent)!.add(column);
    }
  }
  const kinds = new ColumnKinds(catalog);
  const partitionsOf = new Map<string, Table[]>();
  for (const t of catalog.tables) {
    if (t.partitionOf) partitionsOf.set(qname(t.partitionOf.parent), [...(partitionsOf.get(qname(t.partitionOf.parent)) ?? []), t]);
  }
  const plans = new Map<string, TablePlan>();
  for (const table of filled) {
    const key = qname(table);
    const rows = typeof options.rows === "function" ? options.rows({ schema: table.schema, name: table.name }) : options.rows ?? DEFAULT_ROWS;
    plans.set(key, planTable({
      parser, kinds, table, key, rows: Math.max(0, Math.floor(rows)),
      indexes: catalog.indexes.filter((i) => i.table.schema === table.schema && i.table.name === table.name),
      partitions: partitionsOf.get(key) ?? [],
      filledAs,
      keep: [...keep.get(key)!],
    }));
  }

  const edges: OrderEdge[] = [...plans.values()].flatMap((p) =>
    p.foreignKeys
      .filter((f) => f.parent !== undefined)
      .map((f) => ({ child: p.key, parent: f.parent!, key: f.name, nullable: canBeNull(f), deferrable: f.deferrable })),
  );
  const order = orderTables([...plans.keys()], edges);
  const cycle = (k: string, f: ForeignKeyPlan): "nullable" | "deferred" | undefined =>
    order.broken.has(edgeId(k, f.name)) ? "nullable" : order.deferred.has(edgeId(k, f.name)) ? "deferred" : undefined;
  const tables: TablePlan[] = order.order.map((k) => {
    const plan = plans.get(k)!;
    if (!plan.foreignKeys.some((f) => cycle(k, f))) return plan;
    return { ...plan, foreignKeys: plan.foreignKeys.map((f) => (cycle(k, f) ? { ...f, cycle: cycle(k, f)! } : f)) };
  });
  for (const [k, reason] of [...order.stuck].sort(([a], [b]) => a.localeCompare(b))) tables.push({ ...plans.get(k)!, skip: reason });
  return { tables };
}

function primaryKey(t: Table): string[] {
  const pk = t.constraints.find((c) => c.kind === "primary-key");
  return pk?.kind === "primary-key" ? [...pk.columns] : [];
}

