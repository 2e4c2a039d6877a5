import { defineRule } from "../rule.js";
import { foreignKeyIndexed, foreignKeys, indexForeignKeyFix } from "../rules-support/foreign-keys.js";
import { count, numberOption, statsIndex, treeStats, window } from "../rules-support/live.js";

export default defineRule({
  id: "fk-missing-index-in-use",
  severity: "error",
  docs: {
    summary:
      "An unindexed foreign key that the workload pays for: its referencing table has at least `minRows` rows (default 10 000), and the referenced table has had deletes (each scans the referencing table for dependent rows) or sequential scans of the referencing table have read at least `minRows` rows. The error-level subset of fk-missing-index, with the figures.",
    why: "Every DELETE on the referenced table (and every update of its key) must find the referencing rows, whatever the ON DELETE action: without an index on the foreign key columns that is a sequential scan of the whole referencing table per deleted row, holding locks, and a cascade multiplies it. Joins from the parent to the child scan the same way. Statistics tell which unindexed foreign keys this database actually exercises.",
    fix: "`CREATE INDEX CONCURRENTLY … ON child (fk_columns)`.",
  },
  live: (catalog, stats, context) => {
    const minRows = numberOption(context, "minRows", 10_000);
    const lookup = statsIndex(stats);
    return foreignKeys(catalog).flatMap(({ table, fk, target }) => {
      if (!target || foreignKeyIndexed(catalog, table, fk)) return [];
      const child = treeStats(catalog, lookup, table);
      const parent = treeStats(catalog, lookup, target);
      if (!child || child.liveRows < minRows) return [];
      const uses: string[] = [];
      if (parent && parent.deletes > 0) uses.push(`${count(parent.deletes)} deletes on ${target.schema}.${target.name}, each scanning it for dependent rows`);
      // Building an index scans the table once: only scans that read rows count.
      if (child.seqScans > 0 && child.seqRowsRead >= minRows) uses.push(`${count(child.seqScans)} sequential scans of it, ${count(child.seqRowsRead)} rows read`);
      if (uses.length === 0) return [];
      return [
        {
          message: `foreign key ${fk.name} on ${table.schema}.${table.name} (${fk.columns.join(", ")}, ${count(child.liveRows)} rows) has no index, and the workload hits it: ${uses.join("; ")} ${window(stats)}`,
          object: `${table.schema}.${table.name}`,
          fix: indexForeignKeyFix(table, fk),
        },
      ];
    });
  },
});
