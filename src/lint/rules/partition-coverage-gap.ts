import { defineRule, type RuleContext } from "../rule.js";

const DAY = 24 * 60 * 60 * 1000;

/** The `days` option: how far ahead partitions must exist (default 30). */
const horizonDays = (context: RuleContext): number => (typeof context.options.days === "number" && context.options.days >= 0 ? context.options.days : 30);

/** The first value of a range bound's `TO (…)`: a date/time as milliseconds, `Infinity` for MAXVALUE, undefined for anything else. */
function upperBound(bound: string): number | undefined {
  const m = /\bTO \((.*)\)\s*$/.exec(bound);
  if (!m) return undefined;
  const first = m[1]!.trim();
  if (/^MAXVALUE\b/i.test(first)) return Infinity;
  const literal = /^'(\d{4}-\d{2}-\d{2}(?:[ T][0-9:.]+)?(?:[+-]\d{2}(?::?\d{2})?)?)'/.exec(first);
  if (!literal) return undefined;
  const text = literal[1]!.replace(" ", "T").replace(/([+-]\d{2})$/, "$1:00");
  const ms = Date.parse(/T/.test(text) ? text : `${text}T00:00:00Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

export default defineRule({
  id: "partition-coverage-gap",
  severity: "warning",
  docs: {
    summary: "A range- or list-partitioned table without a DEFAULT partition that has no partition at all, or (range on a date or timestamp) whose last partition ends within the next `days` days (option, default 30) or in the past.",
    why: "A row no partition accepts is refused: `no partition of relation … found for row`. With time-ranged partitions that happens to every insert on the day the last partition's range ends, unless something keeps creating partitions ahead.",
    fix: "Create partitions ahead of time (a scheduled job, pg_partman's `run_maintenance`), and monitor how far ahead they reach. A DEFAULT partition catches the rest, at its own cost (see `default-partition-hazard`).",
  },
  schema: (catalog, context) => {
    const until = Date.now() + horizonDays(context) * DAY;
    return catalog.tables.flatMap((t) => {
      if (!t.partitioning || t.partitioning.strategy === "hash") return [];
      const parts = catalog.tables.filter((p) => p.partitionOf?.parent.schema === t.schema && p.partitionOf.parent.name === t.name);
      if (parts.some((p) => p.partitionOf!.bound === "DEFAULT")) return [];
      const object = `${t.schema}.${t.name}`;
      if (parts.length === 0) return [{ message: `partitioned table ${object} has no partition and no DEFAULT partition: every insert fails`, object }];
      if (t.partitioning.strategy !== "range") return [];
      const bounds = parts.map((p) => upperBound(p.partitionOf!.bound));
      if (bounds.some((b) => b === undefined)) return [];
      const last = Math.max(...(bounds as number[]));
      if (last > until) return [];
      return [{ message: `partitioned table ${object} has partitions up to ${new Date(last).toISOString().slice(0, 10)} only and no DEFAULT partition: inserts of later keys fail`, object }];
    });
  },
});
