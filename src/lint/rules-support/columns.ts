import type { Catalog, Column, Table } from "../../catalog/model.js";
import { ident, qualified } from "../../sql/ident.js";
import { alterCommands, columnDefs, names, rangeVarName, typeName } from "../ast.js";
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

/** A column a statement gives a type: defined (CREATE TABLE, ADD COLUMN) or converted (ALTER COLUMN … TYPE). */
export interface TypedColumn {
  readonly table: string;
  readonly column: string;
  /** The TypeName node. */
  readonly typeNode: Node;
  /** The ColumnDef node (for ALTER COLUMN … TYPE: the one holding the new type and USING). */
  readonly def: Node;
  /** ALTER COLUMN … TYPE: an existing column converted (its other properties are not in the statement). */
  readonly converted: boolean;
}

/** The columns a statement defines or converts to a type, in statement order. */
export function typedColumns(kind: string, node: Node): TypedColumn[] {
  const defined = columnDefs(kind, node).map((c) => ({ table: c.table, column: c.def.colname as string, typeNode: c.def.typeName as Node, def: c.def, converted: false }));
  if (kind !== "AlterTableStmt") return defined;
  const converted = alterCommands(node).flatMap((c) => {
    const def = (c.def as Node | undefined)?.ColumnDef as Node | undefined;
    return c.subtype === "AT_AlterColumnType" && def?.typeName ? [{ table: rangeVarName(node.relation as Node), column: c.name as string, typeNode: def.typeName as Node, def, converted: true }] : [];
  });
  return [...defined, ...converted];
}

/**
 * Columns defined (CREATE TABLE, ADD COLUMN) or converted (ALTER COLUMN … TYPE) to a built-in type whose name is in
 * `types` (`timetz`, `float8`, …: the parser's internal names), unqualified or in `pg_catalog`, with the spot of the type.
 */
export function columnDefsOfType(kind: string, node: Node, types: ReadonlySet<string>): { table: string; column: string; type: string; at: number; def: Node; converted: boolean }[] {
  return typedColumns(kind, node).flatMap((c) => {
    const t = typeName(c.typeNode);
    const parts = names(c.typeNode.names);
    const builtIn = parts.length === 1 || (parts.length === 2 && parts[0] === "pg_catalog");
    return builtIn && types.has(t) ? [{ table: c.table, column: c.column, type: t, at: c.typeNode.location as number, def: c.def, converted: c.converted }] : [];
  });
}
