import { qualified } from "../../sql/ident.js";
import { defineRule } from "../rule.js";
import { count, numberOption, statsIndex } from "../rules-support/live.js";

export default defineRule({
  id: "table-not-vacuumed",
  severity: "warning",
  docs: {
    summary:
      "A table whose dead rows have piled up: at least `minDeadRows` (default 10 000) and at least `fraction` (default 0.2) of its rows, waiting for a VACUUM.",
    why: "Updated and deleted rows stay in the table as dead rows until VACUUM reclaims them. While they pile up, scans read them, indexes point at them, the table and its indexes bloat, and index-only scans stop paying off (the visibility map is stale). It means autovacuum is off for the table, too slow for its write rate, or blocked by a long transaction holding the xmin horizon back.",
    fix: "`VACUUM (ANALYZE)` the table now; then find why autovacuum lags: `autovacuum_enabled = off`, a long-running or idle-in-transaction session (`pg_stat_activity.backend_xmin`), or thresholds too high for a big table (`ALTER TABLE … SET (autovacuum_vacuum_scale_factor = 0.02)`).",
  },
  live: (catalog, stats, context) => {
    const minDead = numberOption(context, "minDeadRows", 10_000);
    const fraction = numberOption(context, "fraction", 0.2);
    const lookup = statsIndex(stats);
    return catalog.tables.flatMap((t) => {
      const s = lookup.table(t);
      if (!s || s.deadRows === 0 || s.deadRows < minDead || s.deadRows < fraction * (s.liveRows + s.deadRows)) return [];
      const share = (s.deadRows / (s.liveRows + s.deadRows)) * 100;
      return [
        {
          message: `table ${t.schema}.${t.name} has ${count(s.deadRows)} dead rows (${share.toFixed(0)} % of its rows), ${s.lastVacuum ? `last vacuumed ${s.lastVacuum.slice(0, 16).replace("T", " ")} UTC` : "never vacuumed since the statistics started"}`,
          object: `${t.schema}.${t.name}`,
          fix: { title: "vacuum the table now", sql: `VACUUM (ANALYZE) ${qualified(t.schema, t.name)};` },
        },
      ];
    });
  },
});
