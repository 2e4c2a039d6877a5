import { rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

/**
 * Methods whose columns are searched independently (no leading column): width costs them little. GiST keeps every
 * column's bounding key in its inner pages, so a condition on any column prunes the scan (OpenStreetMap's
 * `USING gist (min_lat, max_lat, min_lon, max_lon)` box index), unlike a B-tree's trailing columns.
 */
const INDEPENDENT_COLUMNS: ReadonlySet<string> = new Set(["gin", "gist", "brin", "bloom"]);

export default defineRule({
  id: "wide-non-unique-index",
  severity: "info",
  docs: {
    summary: "A non-unique index with more than 3 key columns (INCLUDE columns not counted; GIN, GiST, BRIN and bloom indexes, whose columns each narrow the search, are left alone).",
    why: "A B-tree index is searched by its leading columns: columns after the first few rarely narrow the search further, but every one of them makes the index bigger and every write to any of them costlier. Constraints' indexes are not flagged.",
    fix: "Keep the few most selective leading columns; move columns only needed for index-only scans to `INCLUDE (…)`.",
  },
  statement: ({ kind, node }) => {
    if (kind !== "IndexStmt" || node.unique) return [];
    const method = ((node.accessMethod as string | undefined) ?? "btree").toLowerCase();
    const params = (node.indexParams ?? []) as Node[];
    if (INDEPENDENT_COLUMNS.has(method) || params.length <= 3) return [];
    const table = rangeVarName(node.relation as Node);
    const name = (node.idxname as string | undefined) ?? "";
    return [{ message: `non-unique index ${name ? `${name} ` : ""}on ${table} has ${params.length} key columns`, object: table, at: (node.relation as Node).location as number }];
  },
  schema: (catalog) =>
    catalog.indexes.flatMap((i) =>
      i.unique || i.constraint || i.partitionOf || INDEPENDENT_COLUMNS.has(i.method) || i.keys.length <= 3
        ? []
        : [{ message: `non-unique index ${i.schema}.${i.name} on ${i.table.schema}.${i.table.name} has ${i.keys.length} key columns`, object: `${i.table.schema}.${i.table.name}` }],
    ),
});
