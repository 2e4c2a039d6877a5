import type { Catalog, QualifiedName, Table } from "../../catalog/model.js";
import type { DatabaseStats, IndexStats, TableStats } from "../../stats/model.js";
import type { RuleContext } from "../rule.js";

/** Helpers for the live rules (those with a `live` hook, reading a database's statistics). */

/** A non-negative number option of the rule, or its default. */
export const numberOption = (context: RuleContext, name: string, fallback: number): number => {
  const v = context.options[name];
  return typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : fallback;
};

const DAY_MS = 86_400_000;

/** How many days the counters cover (since the last reset, or the server's start). */
export const countingDays = (stats: DatabaseStats): number => (Date.parse(stats.readAt) - Date.parse(stats.countingSince)) / DAY_MS;

/** "3.2 days" / "5 hours" / "12 minutes": how long the counters have been counting, for messages. */
export function countingFor(stats: DatabaseStats): string {
  const days = countingDays(stats);
  if (days >= 2) return `${days.toFixed(1)} days`;
  const hours = days * 24;
  return hours >= 2 ? `${hours.toFixed(1)} hours` : `${Math.round(hours * 60)} minutes`;
}

/** The counters' window in words, e.g. `since 2026-11-01 (24.0 days)`, with a note on a standby. */
export const window = (stats: DatabaseStats): string =>
  `since ${stats.countingSince.slice(0, 16).replace("T", " ")} UTC (${countingFor(stats)})${stats.inRecovery ? " on this standby, which counts only its own reads" : ""}`;

const key = (schema: string, name: string): string => `${schema}\u0000${name}`;

/** Lookups by qualified name into the statistics (built once per rule run). */
export function statsIndex(stats: DatabaseStats): {
  table(q: QualifiedName): TableStats | undefined;
  index(q: QualifiedName): IndexStats | undefined;
} {
  const tables = new Map(stats.tables.map((t) => [key(t.schema, t.name), t]));
  const indexes = new Map(stats.indexes.map((i) => [key(i.schema, i.name), i]));
  return { table: (q) => tables.get(key(q.schema, q.name)), index: (q) => indexes.get(key(q.schema, q.name)) };
}

/** 1234567 → "1 234 567": counts in messages. */
export const count = (n: number): string => Math.round(n).toLocaleString("en-US").replaceAll(",", " ");

/** Bytes in words: "12 MB". */
export function bytes(n: number): string {
  const units = ["bytes", "kB", "MB", "GB", "TB"];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${i === 0 ? n : n.toFixed(n >= 10 ? 0 : 1)} ${units[i]}`;
}

/**
 * A table's counters, summed over its partitions at every level for a partitioned table (which has no rows, and
 * whose scans are counted on the partitions).
 */
export function treeStats(catalog: Catalog, lookup: ReturnType<typeof statsIndex>, table: QualifiedName): TableStats | undefined {
  const own = lookup.table(table);
  const parts = partitionsOf(catalog).get(key(table.schema, table.name)) ?? [];
  if (parts.length === 0) return own;
  const all = [own, ...parts.map((p) => treeStats(catalog, lookup, p))].filter((s) => s !== undefined);
  const sum = (f: (s: TableStats) => number): number => all.reduce((n, s) => n + f(s), 0);
  return {
    schema: table.schema,
    name: table.name,
    seqScans: sum((s) => s.seqScans),
    seqRowsRead: sum((s) => s.seqRowsRead),
    indexScans: sum((s) => s.indexScans),
    liveRows: sum((s) => s.liveRows),
    deadRows: sum((s) => s.deadRows),
    inserts: sum((s) => s.inserts),
    updates: sum((s) => s.updates),
    deletes: sum((s) => s.deletes),
    modifiedSinceAnalyze: sum((s) => s.modifiedSinceAnalyze),
    tableBytes: sum((s) => s.tableBytes),
    indexBytes: sum((s) => s.indexBytes),
    frozenXidAge: Math.max(...all.map((s) => s.frozenXidAge)),
  };
}

const partitionMaps = new WeakMap<Catalog, ReadonlyMap<string, readonly Table[]>>();

/** Each partitioned table's direct partitions, by `key(schema, name)`: built once per catalog. */
function partitionsOf(catalog: Catalog): ReadonlyMap<string, readonly Table[]> {
  let map = partitionMaps.get(catalog);
  if (!map) {
    const m = new Map<string, Table[]>();
    for (const t of catalog.tables) {
      if (!t.partitionOf) continue;
      const parent = key(t.partitionOf.parent.schema, t.partitionOf.parent.name);
      if (m.has(parent)) m.get(parent)!.push(t);
      else m.set(parent, [t]);
    }
    partitionMaps.set(catalog, (map = m));
  }
  return map;
}
