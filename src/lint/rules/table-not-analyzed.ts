import { qualified } from "../../sql/ident.js";
import { defineRule } from "../rule.js";
import { count, numberOption, statsIndex, treeStats } from "../rules-support/live.js";

export default defineRule({
  id: "table-not-analyzed",
  severity: "warning",
  docs: {
    summary:
      "A table whose planner statistics are missing or stale: at least `minRows` rows (default 1 000) and never analyzed, or more rows changed since its last ANALYZE than `fraction` (default 0.2) of its rows. Partitioned tables count their partitions' rows: autovacuum never analyzes a partitioned table itself.",
    why: "The planner picks join orders, join methods and indexes from `pg_statistic`. Without statistics it guesses (a new table is assumed to hold a few pages of rows); with stale ones it estimates from the data as it was: both give plans off by orders of magnitude. It happens after bulk loads in the same deploy, on tables autovacuum skips, and always on partitioned parents, which only a manual ANALYZE covers.",
    fix: "`ANALYZE` the table (after a bulk load, as part of the load). For partitioned tables, schedule `ANALYZE parent` yourself. Right after a script that loads and analyzes in one session, the load's row counts can reach the statistics after the ANALYZE (PostgreSQL 15+ flushes a session's counters when it goes idle, at most once a second) and show as changes since it; the next autoanalyze clears that.",
  },
  live: (catalog, stats, context) => {
    const minRows = numberOption(context, "minRows", 1_000);
    const fraction = numberOption(context, "fraction", 0.2);
    const lookup = statsIndex(stats);
    return catalog.tables.flatMap((t) => {
      if (t.foreign) return [];
      const s = lookup.table(t);
      if (!s) return [];
      const rows = t.partitioning ? (treeStats(catalog, lookup, t)?.liveRows ?? 0) : s.liveRows;
      if (rows < Math.max(minRows, 1)) return [];
      const stale = !s.lastAnalyze ? "has never been analyzed" : !t.partitioning && s.modifiedSinceAnalyze > fraction * rows ? `had ${count(s.modifiedSinceAnalyze)} rows changed since it was last analyzed (${s.lastAnalyze.slice(0, 16).replace("T", " ")} UTC)` : undefined;
      if (!stale) return [];
      return [
        {
          message: `${t.partitioning ? "partitioned table" : "table"} ${t.schema}.${t.name} (${count(rows)} rows) ${stale}: the planner estimates without statistics`,
          object: `${t.schema}.${t.name}`,
          fix: { title: "analyze the table", sql: `ANALYZE ${qualified(t.schema, t.name)};` },
        },
      ];
    });
  },
});

