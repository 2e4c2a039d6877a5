import { defineRule } from "../rule.js";
import { indexesOf } from "../rules-support/index-shape.js";

export default defineRule({
  id: "too-many-indexes",
  severity: "info",
  docs: {
    summary: "A table with more indexes than the configured maximum (option `max`, default 20).",
    why: "Every insert, and every update that cannot be HOT, writes each index: many indexes amplify writes and WAL, make HOT updates rarer, and slow VACUUM. Past a point several of them are usually redundant or unused. Partitions are not counted on their own: their partitioned table is.",
    fix: "Consolidate: drop unused and redundant indexes (`pg_stat_user_indexes.idx_scan`), merge ones that share leading columns. Set the limit with `{ \"rules\": { \"too-many-indexes\": [\"info\", { \"max\": 30 }] } }`.",
  },
  schema: (catalog, context) => {
    const option = context.options.max;
    const max = typeof option === "number" && Number.isInteger(option) && option >= 0 ? option : 20;
    return catalog.tables.flatMap((t) => {
      if (t.partitionOf) return [];
      const count = indexesOf(catalog, t).length;
      return count > max ? [{ message: `table ${t.schema}.${t.name} has ${count} indexes (more than ${max})`, object: `${t.schema}.${t.name}` }] : [];
    });
  },
});
