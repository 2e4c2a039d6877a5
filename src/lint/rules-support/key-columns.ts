import type { Catalog, Column, Table } from "../../catalog/model.js";
import { columnConstraints, columnDefs, names, typeName } from "../ast.js";
import type { Node } from "../statements.js";

/** Why a column is a key: what makes running out of its integer range an outage rather than a bad value. */
export type KeyRole = "primary key" | "foreign key" | "identity" | "serial";

export interface KeyColumnDef {
  readonly table: string;
  readonly def: Node;
  readonly type: string;
  readonly roles: readonly KeyRole[];
}

const SERIAL_TYPES = new Set(["serial", "serial4", "bigserial", "serial8", "smallserial", "serial2"]);

/**
 * The columns a CREATE TABLE or ALTER TABLE … ADD COLUMN defines that are keys: in the primary key (column or table
 * constraint), in a foreign key, identity, or serial. Type = the type name's last part (`int4`, `serial`, `int2`).
 */
export function keyColumnDefs(kind: string, node: Node): KeyColumnDef[] {
  const tableConstraints = kind === "CreateStmt" ? ((node.tableElts ?? []) as Node[]).map((e) => e.Constraint as Node | undefined).filter((c): c is Node => !!c) : [];
  const inTable = (contype: string, field: string): Set<string> => new Set(tableConstraints.filter((c) => c.contype === contype).flatMap((c) => names(c[field])));
  const pk = inTable("CONSTR_PRIMARY", "keys");
  const fk = inTable("CONSTR_FOREIGN", "fk_attrs");
  return columnDefs(kind, node).flatMap((c) => {
    const name = c.def.colname as string;
    const type = typeName(c.def.typeName as Node);
    if (Array.isArray((c.def.typeName as Node | undefined)?.arrayBounds)) return [];
    const cons = columnConstraints(c.def).map((x) => x.contype);
    const roles: KeyRole[] = [];
    if (pk.has(name) || cons.includes("CONSTR_PRIMARY")) roles.push("primary key");
    if (fk.has(name) || cons.includes("CONSTR_FOREIGN")) roles.push("foreign key");
    if (cons.includes("CONSTR_IDENTITY")) roles.push("identity");
    if (SERIAL_TYPES.has(type)) roles.push("serial");
    return roles.length ? [{ table: c.table, def: c.def, type, roles }] : [];
  });
}

export interface KeyColumn {
  readonly table: Table;
  readonly column: Column;
  readonly roles: readonly KeyRole[];
  /** The sequence a serial column takes its default from (`schema.name`), to widen with it. */
  readonly ownedSequence?: { readonly schema: string; readonly name: string };
}

/** The key columns of a schema's tables (partitions left out: their parent carries the columns). */
export function keyColumns(catalog: Catalog): KeyColumn[] {
  return catalog.tables.flatMap((t) => {
    if (t.partitionOf) return [];
    return t.columns.flatMap((c) => {
      const roles: KeyRole[] = [];
      if (t.constraints.some((k) => k.kind === "primary-key" && k.columns.includes(c.name))) roles.push("primary key");
      if (t.constraints.some((k) => k.kind === "foreign-key" && k.columns.includes(c.name))) roles.push("foreign key");
      if (c.identity) roles.push("identity");
      const seq = /^nextval\('.*'::regclass\)$/.test(c.default ?? "")
        ? catalog.sequences.find((s) => s.ownedBy?.table.schema === t.schema && s.ownedBy.table.name === t.name && s.ownedBy.column === c.name)
        : undefined;
      if (seq) roles.push("serial");
      return roles.length ? [{ table: t, column: c, roles, ...(seq ? { ownedSequence: { schema: seq.schema, name: seq.name } } : {}) }] : [];
    });
  });
}
