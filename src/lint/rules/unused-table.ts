import { defineRule } from "../rule.js";
import { countingDays, numberOption, statsIndex, treeStats, window } from "../rules-support/live.js";

export default defineRule({
  id: "unused-table",
  severity: "info",
  docs: {
    summary:
      "A table nobody has read or written since the statistics started counting: no index scan, no row read by a sequential scan, no insert, update or delete, over at least `minDays` (default 30). Partitions are judged with their partitioned table.",
    why: "A table no query touches is dead weight: it is backed up, restored, migrated and reviewed for nothing, and it misleads whoever reads the schema. Often it is a leftover of a feature that was removed, or a copy made during a migration.",
    fix: "Check the code and the owners (the counters know only this server: a standby may read it, a yearly job may write it), then archive it (`pg_dump -t`) and drop it. Raise `minDays` for databases with rare batch jobs.",
  },
  live: (catalog, stats, context) => {
    const minDays = numberOption(context, "minDays", 30);
    if (countingDays(stats) < minDays) return [];
    const lookup = statsIndex(stats);
    return catalog.tables.flatMap((t) => {
      if (t.partitionOf || t.foreign) return [];
      const s = treeStats(catalog, lookup, t);
      // Building an index scans the table: a sequential scan counts only when it read rows.
      if (!s || s.seqRowsRead + s.indexScans + s.inserts + s.updates + s.deletes > 0) return [];
      return [
        {
          message: `no row of table ${t.schema}.${t.name} has been read or written ${window(stats)}`,
          object: `${t.schema}.${t.name}`,
        },
      ];
    });
  },
});
