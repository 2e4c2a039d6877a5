import type { Catalog, Column, Table } from "../../catalog/model.js";
import { ident, qualified } from "../../sql/ident.js";
import { columnDefs, names, typeName } from "../ast.js";
import type { Node } from "../statements.js";

/** One column a table declares itself: partitions (their parent's columns) and inherited columns are left out. */
export interface OwnColumn {
  readonly table: Table;
  readonly column: Column;
  /** `schema.table`. */
  readonly tableName: string;
  /** `schema.table.column`. */
  readonly object: string;
  /** `ALTER TABLE schema.table ALTER COLUMN column` (quoted), to build fixes on. */
  readonly alter: string;
}

/** Every column of the catalog's tables that is declared where it is reported (one finding, not one per partition or child). */
export function ownColumns(catalog: Catalog): OwnColumn[] {
  return catalog.tables.flatMap((table) =>
    table.partitionOf
      ? []
      : table.columns
          .filter((column) => !column.inherited)
          .map((column) => ({
            table,
            column,
            tableName: `${table.schema}.${table.name}`,
            object: `${table.schema}.${table.name}.${column.name}`,
            alter: `ALTER TABLE ${qualified(table.schema, table.name)} ALTER COLUMN ${ident(column.name)}`,
          })),
  );
}

/** A `format_type` text without its array brackets: `money[]` → `money`. */
export const elementType = (type: string): string => type.replace(/(\[\])+$/, "");

/**
 * Column definitions (CREATE TABLE, ADD COLUMN) of a built-in type whose name is in `types` (`timetz`, `float8`, …:
 * the parser's internal names), unqualified or in `pg_catalog`, with the spot of the type.
 */
export function columnDefsOfType(kind: string, node: Node, types: ReadonlySet<string>): { table: string; column: string; type: string; at: number; def: Node }[] {
  return columnDefs(kind, node).flatMap((c) => {
    const t = typeName(c.def.typeName as Node);
    const parts = names((c.def.typeName as Node | undefined)?.names);
    const builtIn = parts.length === 1 || (parts.length === 2 && parts[0] === "pg_catalog");
    return builtIn && types.has(t) ? [{ table: c.table, column: c.def.colname as string, type: t, at: (c.def.typeName as Node).location as number, def: c.def }] : [];
  });
}
