/**
 * Orderable kinds (numbers, dates, times) as one number line, so CHECK bounds, `starts_at < ends_at`, partition
 * bounds and exclusion windows are all intervals on it. Dates and timestamps are seconds since the epoch (a date is
 * its midnight, UTC), times seconds since midnight.
 */
import type { Limit } from "./column-bounds.js";
import { type Constant, NOW } from "./check-atoms.js";
import type { ScalarKind } from "./column-kind.js";
import type { Random } from "./random.js";

const DAY = 86_400;
/** The centre of every generated date: 2026-01-01, so a seed gives the same rows on any day. */
export const BASE_EPOCH = Date.UTC(2026, 0, 1) / 1000;
const SPREAD = 60 * DAY;

export type OrdinalKind = Extract<ScalarKind, { kind: "integer" | "numeric" | "float" | "date" | "timestamp" | "time" }>;

export function isOrdinal(kind: ScalarKind): kind is OrdinalKind {
  return ["integer", "numeric", "float", "date", "timestamp", "time"].includes(kind.kind);
}

/** The smallest distance between two values of the kind as generated. */
export function stepOf(kind: OrdinalKind): number {
  switch (kind.kind) {
    case "integer": return 1;
    case "numeric": return 10 ** -(kind.scale ?? 2);
    case "float": return 0.01;
    case "date": return DAY;
    case "timestamp":
    case "time": return 1;
  }
}

/** The range a value falls in when nothing else decides, by kind and column name. */
export function defaultRange(kind: OrdinalKind, column: string): [number, number] {
  const c = column.toLowerCase();
  if (kind.kind === "date" || kind.kind === "timestamp") {
    if (/birth|dob|born/.test(c)) return [Date.UTC(1950, 0, 1) / 1000, Date.UTC(2005, 11, 31) / 1000];
    return [BASE_EPOCH - SPREAD, BASE_EPOCH + SPREAD];
  }
  if (kind.kind === "time") return [0, DAY - 1];
  const byName = numberRangeByName(c);
  const [lo, hi] = byName ?? (kind.kind === "integer" ? [1, 10_000] : [0, 1000]);
  const [min, max] = typeLimits(kind);
  return [Math.max(lo, min), Math.min(hi, max)];
}

function numberRangeByName(c: string): [number, number] | undefined {
  if (/lat(itude)?$/.test(c)) return [-90, 90];
  if (/lon(gitude)?$|lng$/.test(c)) return [-180, 180];
  if (/price|amount|total|cost|fee|balance|salary|revenue|subtotal|payment/.test(c)) return [1, 1000];
  if (/percent|pct|ratio|rate/.test(c)) return [0, 100];
  if (/year/.test(c)) return [1990, 2030];
  if (/month/.test(c)) return [1, 12];
  if (/day/.test(c)) return [1, 28];
  if (/hour/.test(c)) return [0, 23];
  if (/(^|_)age$/.test(c)) return [18, 90];
  if (/rating|score|stars/.test(c)) return [1, 5];
  if (/count|qty|quantity|number_of|stock|num_/.test(c)) return [0, 100];
  if (/position|sort|order|rank|priority|seq|index|level/.test(c)) return [0, 100];
  if (/duration|seconds|minutes|timeout/.test(c)) return [1, 3600];
  return undefined;
}

export function typeLimits(kind: OrdinalKind): [number, number] {
  switch (kind.kind) {
    case "integer": return [kind.min, kind.max];
    case "numeric": {
      if (kind.precision === undefined) return [-1e15, 1e15];
      const m = 10 ** (kind.precision - (kind.scale ?? 0)) - 10 ** -(kind.scale ?? 0);
      return [-m, m];
    }
    case "float": return [-1e15, 1e15];
    case "time": return [0, DAY - 1];
    default: return [Date.UTC(1, 0, 1) / 1000, Date.UTC(9999, 11, 31) / 1000];
  }
}

/** A CHECK or partition constant on the kind's number line; `undefined` when it is not one. */
export function ordinalOf(kind: OrdinalKind, value: Constant): number | undefined {
  if (value === NOW) return kind.kind === "date" || kind.kind === "timestamp" ? Math.floor(Date.now() / 1000) : undefined;
  if (typeof value === "number") return kind.kind === "date" || kind.kind === "timestamp" ? undefined : value;
  if (kind.kind === "date" || kind.kind === "timestamp") return parseTimestamp(value);
  if (kind.kind === "time") {
    const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(value);
    return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0) : undefined;
  }
  const n = Number(value);
  return value.trim() !== "" && Number.isFinite(n) ? n : undefined;
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function parseTimestamp(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (t === "infinity") return Infinity;
  if (t === "-infinity") return -Infinity;
  const m = TIMESTAMP.exec(text.trim());
  if (!m) return undefined;
  let seconds = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)) / 1000;
  const zone = m[7];
  if (zone && zone.toUpperCase() !== "Z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    seconds -= sign * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2, 4) || 0) * 60);
  }
  return seconds;
}

/** The text PostgreSQL reads back as this value. */
export function formatOrdinal(kind: OrdinalKind, ord: number): string {
  switch (kind.kind) {
    case "integer": return String(Math.round(ord));
    case "numeric": return ord.toFixed(kind.scale ?? 2);
    case "float": return String(Math.round(ord * 100) / 100);
    case "time": {
      const s = Math.max(0, Math.min(DAY - 1, Math.round(ord)));
      return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
    }
    case "date": return new Date(Math.floor(ord / DAY) * DAY * 1000).toISOString().slice(0, 10);
    case "timestamp": {
      const iso = new Date(Math.round(ord) * 1000).toISOString();
      return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${kind.zone ? "+00" : ""}`;
    }
  }
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** The tightest of the limits, converted; `undefined` when none applies. */
export function tightest(kind: OrdinalKind, limits: readonly Limit[], side: "lower" | "upper"): { value: number; strict: boolean } | undefined {
  let best: { value: number; strict: boolean } | undefined;
  for (const l of limits) {
    const value = ordinalOf(kind, l.value);
    if (value === undefined) continue;
    const better = best === undefined || (side === "lower" ? value > best.value : value < best.value) ||
      (value === best.value && l.strict);
    if (better) best = { value, strict: l.strict };
  }
  return best;
}

/** A multiple of `step` in the interval, or `undefined` when it holds none. */
export function pickInInterval(
  lo: number, loStrict: boolean, hi: number, hiStrict: boolean, step: number, random: Random,
): number | undefined {
  let a = Math.ceil(lo / step - 1e-9);
  if (loStrict && a * step <= lo + step * 1e-6) a++;
  let b = Math.floor(hi / step + 1e-9);
  if (hiStrict && b * step >= hi - step * 1e-6) b--;
  if (a > b || !Number.isFinite(a) || !Number.isFinite(b)) return undefined;
  const k = a + Math.floor(random.next() * (b - a + 1));
  const decimals = step < 1 ? Math.round(-Math.log10(step)) : 0;
  return Number((k * step).toFixed(decimals));
}

/** How far after an earlier column a later one lands (`ends_at` within a week of `starts_at`). */
export function followSpan(kind: OrdinalKind, lo: number, hi: number): number {
  if (kind.kind === "timestamp") return 7 * DAY;
  if (kind.kind === "date") return 30 * DAY;
  if (kind.kind === "time") return 4 * 3600;
  return Math.max(stepOf(kind) * 10, (hi - lo) / 2);
}
