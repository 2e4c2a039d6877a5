import type { Catalog, ForeignKeyConstraint, Table } from "../../catalog/model.js";
import { ident, identList, qualified } from "../../sql/ident.js";
import type { Fix } from "../finding.js";

export interface ForeignKeyOf {
  readonly table: Table;
  readonly fk: ForeignKeyConstraint;
  /** The referenced table, when it is in the catalog. */
  readonly target: Table | undefined;
}

/** Every foreign key declared in the catalog (partitions' clones left out), with its referenced table. */
export function foreignKeys(catalog: Catalog): ForeignKeyOf[] {
  return catalog.tables.flatMap((table) =>
    table.partitionOf
      ? []
      : table.constraints.flatMap((fk) =>
          fk.kind === "foreign-key"
            ? [{ table, fk, target: catalog.tables.find((x) => x.schema === fk.references.table.schema && x.name === fk.references.table.name) }]
            : [],
        ),
  );
}

/** Whether some full (non-partial) index of the referencing table leads with the foreign key's columns, in any order. */
export const foreignKeyIndexed = (catalog: Catalog, table: Table, fk: ForeignKeyConstraint): boolean =>
  catalog.indexes
    .filter((i) => i.table.schema === table.schema && i.table.name === table.name && !i.predicate)
    .some((i) => fk.columns.every((col) => i.keys.slice(0, fk.columns.length).some((k) => k.column === col)));

/** The fix for an unindexed foreign key: an index on its columns, built without blocking writes. */
export const indexForeignKeyFix = (table: Table, fk: ForeignKeyConstraint): Fix => ({
  title: "index the foreign key",
  sql: `CREATE INDEX CONCURRENTLY ${ident(`${table.name}_${fk.columns.join("_")}_idx`)} ON ${qualified(table.schema, table.name)} (${identList(fk.columns)});`,
});
