import type { Index } from "../../catalog/model.js";
import { qname } from "../../sql/ident.js";
import { defineRule } from "../rule.js";
import { dropIndexSql, isReplicaIdentity } from "../rules-support/index-shape.js";
import { bytes, count, countingDays, numberOption, statsIndex, window } from "../rules-support/live.js";

export default defineRule({
  id: "unused-index",
  severity: "info",
  docs: {
    summary:
      "An index no query has used since the statistics started counting (`idx_scan = 0`), over at least `minDays` (default 7) of counting. Indexes that enforce a constraint (primary key, UNIQUE, EXCLUDE) or serve as replica identity are left out.",
    why: "An unused index costs on every write (each insert, and each update that cannot be HOT, writes it), in WAL, in VACUUM time and in memory, and gives nothing back. The counters only know the server they run on: on a primary they miss reads served by standbys, and a partitioned index is judged by the sum of its partitions' indexes.",
    fix: "Check that no standby, report or monthly job uses it (the counters cover only their window), then `DROP INDEX CONCURRENTLY`. Raise `minDays` for databases with rare but important queries.",
  },
  live: (catalog, stats, context) => {
    const minDays = numberOption(context, "minDays", 7);
    const days = countingDays(stats);
    if (days < minDays) {
      return [
        {
          message: `the statistics have counted only ${window(stats)}: unused-index needs ${minDays} days to call an index unused`,
          object: stats.database,
        },
      ];
    }
    const lookup = statsIndex(stats);
    const children = new Map<string, Index[]>();
    for (const i of catalog.indexes) {
      if (!i.partitionOf) continue;
      const parent = qname(i.partitionOf);
      if (children.has(parent)) children.get(parent)!.push(i);
      else children.set(parent, [i]);
    }
    return catalog.indexes.flatMap((index) => {
      // A partition's index goes with its partitioned index (it cannot be dropped alone).
      if (index.unique || index.constraint || index.partitionOf || index.invalid || isReplicaIdentity(catalog, index)) return [];
      const parts = withPartitionIndexes(children, index);
      const found = parts.map((i) => lookup.index(i)).filter((s) => s !== undefined);
      if (found.length === 0 || found.some((s) => s.scans > 0)) return [];
      const size = found.reduce((sum, s) => sum + s.bytes, 0);
      const table = lookup.table(index.table);
      const writes = table ? table.inserts + table.updates + table.deletes : 0;
      return [
        {
          message: `index ${index.schema}.${index.name} on ${index.table.name} has not been scanned ${window(stats)}; it takes ${bytes(size)}${writes > 0 ? ` and was written by ${count(writes)} row changes` : ""}`,
          object: `${index.schema}.${index.name}`,
          fix: { title: "drop the unused index", sql: dropIndexSql(catalog, index) },
        },
      ];
    });
  },
});

/** The index and, for a partitioned index, its partitions' indexes at every level. */
function withPartitionIndexes(children: ReadonlyMap<string, readonly Index[]>, index: Index): Index[] {
  return [index, ...(children.get(qname(index)) ?? []).flatMap((c) => withPartitionIndexes(children, c))];
}
