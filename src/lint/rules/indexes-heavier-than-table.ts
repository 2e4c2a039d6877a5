import { defineRule } from "../rule.js";
import { bytes, numberOption, statsIndex } from "../rules-support/live.js";

export default defineRule({
  id: "indexes-heavier-than-table",
  severity: "info",
  docs: {
    summary:
      "A table of at least `minBytes` (default 64 MB) whose indexes together take more than `ratio` (default 1.5) times the table's own size.",
    why: "Indexes bigger than the data usually mean too many of them, some unused or redundant, or bloated ones (a B-tree after heavy updates and deletes can be several times its fresh size). Every write pays for each, they compete with the table for memory, and backups, VACUUM and replicas carry them.",
    fix: "Drop the unused and redundant ones (see unused-index, duplicate-index, redundant-prefix-index); rebuild bloated ones with `REINDEX INDEX CONCURRENTLY`; prefer partial indexes where queries filter on a fixed condition.",
  },
  live: (catalog, stats, context) => {
    const minBytes = numberOption(context, "minBytes", 64 * 1024 * 1024);
    const ratio = numberOption(context, "ratio", 1.5);
    const lookup = statsIndex(stats);
    return catalog.tables.flatMap((t) => {
      const s = lookup.table(t);
      if (!s || s.tableBytes < Math.max(minBytes, 1) || s.indexBytes <= ratio * s.tableBytes) return [];
      return [
        {
          message: `the indexes of ${t.schema}.${t.name} take ${bytes(s.indexBytes)}, ${(s.indexBytes / s.tableBytes).toFixed(1)} times the table's ${bytes(s.tableBytes)}`,
          object: `${t.schema}.${t.name}`,
        },
      ];
    });
  },
});
