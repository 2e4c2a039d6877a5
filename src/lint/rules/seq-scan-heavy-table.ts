import { defineRule } from "../rule.js";
import { count, numberOption, statsIndex, window } from "../rules-support/live.js";

export default defineRule({
  id: "seq-scan-heavy-table",
  severity: "info",
  docs: {
    summary:
      "A table of at least `minRows` rows (default 10 000) read mostly by sequential scans: at least `minScans` of them (default 100), more than its index scans, each reading on average at least half the table.",
    why: "A sequential scan reads every page of the table; on a big table, repeated whole-table scans mean some frequent query filters, joins or sorts on columns no index serves (or an index exists that the planner cannot use: a type mismatch, a function over the column, a leading column the query does not constrain). It costs I/O, CPU and buffer cache for everything else.",
    fix: "Find the queries (`pg_stat_statements` ordered by `shared_blks_read`, or `auto_explain`), then add the index they need (`CREATE INDEX CONCURRENTLY`), or rewrite the predicate so an existing index applies. Small lookup tables are left out by `minRows`.",
  },
  live: (catalog, stats, context) => {
    const minRows = numberOption(context, "minRows", 10_000);
    const minScans = numberOption(context, "minScans", 100);
    const lookup = statsIndex(stats);
    return catalog.tables.flatMap((t) => {
      const s = lookup.table(t);
      if (!s || s.liveRows < minRows || s.seqScans < Math.max(minScans, 1) || s.seqScans <= s.indexScans) return [];
      const perScan = s.seqRowsRead / s.seqScans;
      if (perScan < s.liveRows / 2) return [];
      return [
        {
          message: `table ${t.schema}.${t.name} (${count(s.liveRows)} rows) was read by ${count(s.seqScans)} sequential scans of ${count(perScan)} rows on average, against ${count(s.indexScans)} index scans ${window(stats)}`,
          object: `${t.schema}.${t.name}`,
        },
      ];
    });
  },
});
