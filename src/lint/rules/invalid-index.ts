import { qualified } from "../../sql/ident.js";
import { defineRule, type Report } from "../rule.js";
import { onPartitionedTable } from "../rules-support/index-shape.js";

export default defineRule({
  id: "invalid-index",
  severity: "warning",
  docs: {
    summary:
      "An index marked invalid (`pg_index.indisvalid = false`): a `CREATE INDEX CONCURRENTLY` or `REINDEX CONCURRENTLY` that failed or was cancelled, or a partitioned index still missing some partitions' indexes.",
    why: "A failed concurrent build leaves the index behind: every write still maintains it, but no query can use it, and a UNIQUE one enforces nothing. `CREATE INDEX IF NOT EXISTS` then skips it silently on the next deploy. A `_ccnew` / `_ccold` index is the leftover of a failed `REINDEX CONCURRENTLY`. An invalid partitioned index (made with `CREATE INDEX … ON ONLY`) becomes valid only when every partition has an index attached.",
    fix: "Drop it with `DROP INDEX CONCURRENTLY` and build it again with `CREATE INDEX CONCURRENTLY` once the cause is fixed (duplicates for a UNIQUE index, a lock conflict, a timeout). For a partitioned index, `ALTER INDEX … ATTACH PARTITION` each missing partition's index.",
  },
  live: (catalog) =>
    catalog.indexes.flatMap((index): Report[] => {
      if (!index.invalid) return [];
      if (onPartitionedTable(catalog, index)) {
        return [
          {
            message: `partitioned index ${index.schema}.${index.name} is invalid: some partitions of ${index.table.name} have no index attached to it`,
            object: `${index.schema}.${index.name}`,
            help: "Create each missing partition's index (CONCURRENTLY) and `ALTER INDEX … ATTACH PARTITION` it; the parent index becomes valid when the last one is attached.",
          },
        ];
      }
      const leftover = /_cc(new|old)\d*$/.test(index.name);
      return [
        {
          message: leftover
            ? `index ${index.schema}.${index.name} is an invalid leftover of a failed REINDEX CONCURRENTLY on ${index.table.name}`
            : `index ${index.schema}.${index.name} on ${index.table.name} is invalid (a failed or cancelled concurrent build): it slows every write and serves no query${index.unique ? ", and enforces no uniqueness" : ""}`,
          object: `${index.schema}.${index.name}`,
          fix: { title: "drop the invalid index (then build it again with CREATE INDEX CONCURRENTLY)", sql: `DROP INDEX CONCURRENTLY ${qualified(index.schema, index.name)};` },
        },
      ];
    }),
});
