import type { DesignBuilder } from "../builder.js";
import type { DesignPartitioning } from "../design-types.js";
import type { ResolvedEntity } from "../resolve.js";
import { literal } from "../../sql/ident.js";

/** Rows a year at which a time-keyed table is split by time (10 M): below it one table and its indexes stay fast. */
export const RANGE_PARTITION_ROWS = 10_000_000;
/** Rows at which a table without a time axis is split by hash (100 M). */
export const HASH_PARTITION_ROWS = 100_000_000;

const RETENTION = /^(\d+)\s*(day|week|month|year)s?$/;

/** Rows expected within a year (or the retention, if shorter): what the table will hold once it is in use. */
function projectedRows(e: ResolvedEntity): number {
  const s = e.spec.scale;
  if (!s) return 0;
  const m = s.retention ? RETENTION.exec(s.retention) : null;
  const days = m ? Number(m[1]) * { day: 1, week: 7, month: 30, year: 365 }[m[2] as "day"] : 365;
  return (s.rows ?? 0) + (s.growth_per_day ?? 0) * Math.min(days, 365);
}

/** The time column of a time-series or append-only entity. */
function timeColumn(b: DesignBuilder, e: ResolvedEntity): string | undefined {
  if (e.spec.time_series) return e.spec.time_series.time;
  const timestamps = e.spec.timestamps ?? b.r.spec.conventions?.timestamps ?? true;
  if (e.spec.append_only && timestamps) return "created_at";
  return undefined;
}

/**
 * Decides, per entity, whether and how its table is partitioned, before the keys are built: a partitioned table's
 * primary key must include the partition key.
 */
export function decidePartitioning(b: DesignBuilder, e: ResolvedEntity, referenced: boolean): DesignPartitioning | undefined {
  const explicit = e.spec.partition;
  const table = e.table;
  if (explicit === false) {
    b.decide("partition-none", table, "not partitioned", "the spec says partition: false");
    return undefined;
  }
  if (explicit) {
    if (referenced) throw b.r.parsed.error([...e.path, "partition"], `"${e.key}" is referenced by a foreign key: a partitioned table can be referenced only by keys that include the partition key`, "reference it from fewer places, or drop `partition`");
    return build(b, e, explicit.by, explicit.key, "the spec asks for it");
  }
  const rows = projectedRows(e);
  const time = timeColumn(b, e);
  const scale = `${rows.toLocaleString("en-US")} rows expected within a year`;
  if (time && (rows >= RANGE_PARTITION_ROWS || (e.spec.scale?.retention !== undefined && rows >= RANGE_PARTITION_ROWS / 10))) {
    if (referenced) {
      b.decide("partition-none", table, "not partitioned", `${scale}, but other tables reference it and a foreign key to a partitioned table must include the partition key`);
      return undefined;
    }
    const why = `${scale}${e.spec.scale?.retention ? ` and a retention of ${e.spec.scale.retention}` : ""}: old periods are dropped as partitions, queries on recent rows touch recent partitions only`;
    return build(b, e, "range", time, why);
  }
  if (rows >= HASH_PARTITION_ROWS && !referenced) {
    const key = e.tenantScoped && b.r.tenancy ? b.r.tenancy.key : "id";
    return build(b, e, "hash", key, `${scale} and no time axis: HASH on ${key} spreads rows and vacuum work evenly`);
  }
  if (e.spec.scale) b.decide("partition-none", table, "not partitioned", `${scale}: one table with good indexes is simpler and fast at this size`);
  return undefined;
}

function build(b: DesignBuilder, e: ResolvedEntity, by: "range" | "list" | "hash", key: string, why: string): DesignPartitioning {
  const table = e.table;
  const explicit = e.spec.partition || undefined;
  if (by === "hash") {
    const modulus = explicit?.modulus ?? 8;
    b.decide("partition-hash", table, `HASH (${key}) into ${modulus} partitions`, why);
    return {
      strategy: "hash",
      key,
      partitions: Array.from({ length: modulus }, (_, i) => ({ name: `${table}_p${i}`, bound: `FOR VALUES WITH (MODULUS ${modulus}, REMAINDER ${i})` })),
    };
  }
  if (by === "list") {
    const values = explicit?.values ?? {};
    b.decide("partition-list", table, `LIST (${key}): ${Object.keys(values).join(", ")} and a default partition`, why);
    return {
      strategy: "list",
      key,
      partitions: [
        ...Object.entries(values).map(([name, vs]) => ({ name: `${table}_${name}`, bound: `FOR VALUES IN (${vs.map(literal).join(", ")})` })),
        { name: `${table}_default`, bound: "DEFAULT" },
      ],
    };
  }
  const growth = e.spec.scale?.growth_per_day ?? 0;
  const interval = explicit?.interval ?? (growth >= 5_000_000 ? "day" : "month");
  const ahead = explicit?.ahead ?? 3;
  const start = explicit?.start ? new Date(`${explicit.start}T00:00:00Z`) : periodStart(b.today, interval);
  const partitions: { name: string; bound: string }[] = [];
  let from = start;
  for (let i = 0; i <= ahead; i++) {
    const to = addPeriod(from, interval);
    partitions.push({ name: `${table}_${label(from, interval)}`, bound: `FOR VALUES FROM ('${day(from)}') TO ('${day(to)}')` });
    from = to;
  }
  partitions.push({ name: `${table}_default`, bound: "DEFAULT" });
  b.decide(
    "partition-range-time",
    table,
    `RANGE (${key}) by ${interval}: ${partitions.length - 1} periods from ${day(start)} and a default partition`,
    `${why}. Create the next partitions ahead of time (a scheduled job or pg_partman); the default partition catches rows outside them`,
  );
  return { strategy: "range", key, partitions };
}

const day = (d: Date): string => d.toISOString().slice(0, 10);

function label(d: Date, interval: string): string {
  const iso = day(d).replaceAll("-", "_");
  return interval === "year" ? iso.slice(0, 4) : interval === "month" ? iso.slice(0, 7) : iso;
}

function periodStart(today: Date, interval: string): Date {
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth();
  if (interval === "year") return new Date(Date.UTC(y, 0, 1));
  if (interval === "month") return new Date(Date.UTC(y, m, 1));
  const d = new Date(Date.UTC(y, m, today.getUTCDate()));
  if (interval === "week") d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d;
}

function addPeriod(d: Date, interval: string): Date {
  const next = new Date(d);
  if (interval === "day") next.setUTCDate(next.getUTCDate() + 1);
  else if (interval === "week") next.setUTCDate(next.getUTCDate() + 7);
  else if (interval === "month") next.setUTCMonth(next.getUTCMonth() + 1);
  else next.setUTCFullYear(next.getUTCFullYear() + 1);
  return next;
}
