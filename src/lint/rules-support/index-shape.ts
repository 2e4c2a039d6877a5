import type { Catalog, Index, IndexKey, QualifiedName } from "../../catalog/model.js";
import { qualified } from "../../sql/ident.js";

/** Helpers for the index rules (duplicate-index, redundant-prefix-index, too-many-indexes, wide-non-unique-index). */

/** One key as compared between indexes: column or expression, operator class, collation, order (not statistics). */
export const keyShape = (k: IndexKey): string =>
  JSON.stringify([k.column ?? null, k.expression ?? null, k.opclass ?? null, k.opclassOptions ?? null, k.collation ?? null, k.descending ?? false, k.nullsFirst ?? null]);

export const sameTable = (a: QualifiedName, b: QualifiedName): boolean => a.schema === b.schema && a.name === b.name;

/** The indexes of a table, in catalog order. */
export const indexesOf = (catalog: Catalog, table: QualifiedName): Index[] => catalog.indexes.filter((i) => sameTable(i.table, table));

/** Whether the index is on a partitioned table (DROP INDEX CONCURRENTLY is refused there). */
export const onPartitionedTable = (catalog: Catalog, index: Index): boolean =>
  catalog.tables.some((t) => sameTable(t, index.table) && t.partitioning !== undefined);

/** Whether the table uses the index as its replica identity. */
export const isReplicaIdentity = (catalog: Catalog, index: Index): boolean =>
  catalog.tables.some((t) => sameTable(t, index.table) && typeof t.replicaIdentity === "object" && t.replicaIdentity.index === index.name);

/** `DROP INDEX CONCURRENTLY` (plain `DROP INDEX` on a partitioned table, where CONCURRENTLY is refused). */
export const dropIndexSql = (catalog: Catalog, index: Index): string =>
  `DROP INDEX${onPartitionedTable(catalog, index) ? "" : " CONCURRENTLY"} ${qualified(index.schema, index.name)};`;
