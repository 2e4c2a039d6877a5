import type { Catalog, CheckConstraint, Column, QualifiedName, Table } from "../../catalog/model.js";
import { defaultNotNullName } from "../../catalog/read/table-default-names.js";

/**
 * What a table gets from its parents, so its DDL states only the rest: partitions (created on their own and then
 * attached, like pg_dump does) and classic inheritance children (`CREATE TABLE … INHERITS`).
 */

export function findTable(catalog: Catalog, q: QualifiedName): Table | undefined {
  return catalog.tables.find((t) => t.schema === q.schema && t.name === q.name);
}

/** Direct parents: the partitioned table of a partition, or the classic inheritance parents. */
export function parentsOf(catalog: Catalog, table: Table): Table[] {
  const names = table.partitionOf ? [table.partitionOf.parent] : (table.inherits ?? []);
  return names.flatMap((q) => findTable(catalog, q) ?? []);
}

/**
 * CHECK constraints the table must hold before `ATTACH PARTITION` or `INHERIT` accepts it: every inheritable CHECK
 * of every ancestor, by name, which the table does not declare itself.
 */
export function ancestorChecks(catalog: Catalog, table: Table): CheckConstraint[] {
  const own = new Set(table.constraints.map((k) => k.name));
  const found = new Map<string, CheckConstraint>();
  const visit = (t: Table, seen: Set<Table>): void => {
    for (const parent of parentsOf(catalog, t)) {
      if (seen.has(parent)) continue;
      seen.add(parent);
      for (const k of parent.constraints) {
        if (k.kind === "check" && !k.noInherit && !own.has(k.name) && !found.has(k.name)) found.set(k.name, k);
      }
      visit(parent, seen);
    }
  };
  visit(table, new Set());
  return [...found.values()];
}

/**
 * How a classic inheritance child is written. `CREATE TABLE … INHERITS` puts the parents' columns first (merged by
 * name, in parent order) and the table's own after them; when the catalog's column order is that, the child is
 * written that way and lists only the columns it declares. Otherwise every column is written in order and the
 * parents are added with `ALTER TABLE … INHERIT` (every column then counts as declared by the child).
 */
export function inheritsInOrder(catalog: Catalog, table: Table): boolean {
  const parents = parentsOf(catalog, table);
  if (parents.length !== (table.inherits?.length ?? 0)) return true;
  const order: string[] = [];
  for (const p of parents) for (const c of p.columns) if (!order.includes(c.name)) order.push(c.name);
  const fromParents = new Set(order);
  for (const c of table.columns) if (!fromParents.has(c.name)) order.push(c.name);
  return order.length === table.columns.length && order.every((name, i) => table.columns[i]!.name === name);
}

/** The column of the same name in the first parent that has one. */
export function parentColumn(catalog: Catalog, table: Table, column: string): Column | undefined {
  for (const p of parentsOf(catalog, table)) {
    const c = p.columns.find((x) => x.name === column);
    if (c) return c;
  }
  return undefined;
}

/**
 * The name of a column's NOT NULL constraint (PostgreSQL 18): the recorded one, else the default, which for a
 * partition's column is its parent's constraint's name (it inherits that constraint), else `<table>_<col>_not_null`.
 */
export function notNullName(catalog: Catalog, table: Table, column: Column): string {
  if (column.notNullConstraint) return column.notNullConstraint.name;
  if (table.partitionOf) {
    const parent = findTable(catalog, table.partitionOf.parent);
    const inherited = parent?.columns.find((c) => c.name === column.name);
    if (parent && inherited?.notNull) return notNullName(catalog, parent, inherited);
  }
  return defaultNotNullName(table.name, column.name);
}
