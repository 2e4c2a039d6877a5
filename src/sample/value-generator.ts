/**
 * One value for one column: its kind, its name and the bounds of the row decide. Values are PostgreSQL input text
 * (sent as untyped parameters, so the column's type reads them); orderable kinds also report their number so a
 * later column can be placed after them.
 */
import type { Faker } from "@faker-js/faker";
import { type ColumnBounds, NO_BOUNDS } from "./column-bounds.js";
import type { ColumnKind, ScalarKind } from "./column-kind.js";
import {
  defaultRange, followSpan, formatOrdinal, isOrdinal, type OrdinalKind, ordinalOf, pickInInterval, stepOf, tightest,
  typeLimits,
} from "./ordinal.js";
import type { Random } from "./random.js";
import { jsRegExp, sampleRegex } from "./regex-sample.js";
import { shortCode, type TextMaker } from "./semantic-text.js";

export interface ColumnSpec {
  readonly name: string;
  /** The column's type as `format_type` writes it (qualified where needed). */
  readonly type: string;
  readonly kind: ColumnKind;
  readonly notNull: boolean;
  /** How often a nullable column is left NULL. */
  readonly nullChance: number;
  readonly text: TextMaker;
  /** An integer key column: consecutive values. */
  readonly sequence?: true;
  /** Compared by an EXCLUDE `&&`: the value comes from the row's own time window. */
  readonly window?: "start" | "end" | "range";
  /** Alone in a UNIQUE key: a retry may append a suffix. */
  readonly unique?: true;
  readonly trueChance: number;
}

export interface ValueContext {
  readonly faker: Faker;
  readonly random: Random;
  readonly bounds: ColumnBounds;
  /** The number of an already generated orderable column of the row. */
  readonly known: (column: string) => number | undefined;
  /** This row's EXCLUDE window (each row its own, never reused in a table). */
  readonly window: number;
  /** The next value of a `sequence` column. */
  readonly sequence: number;
  /** Set on retries after a UNIQUE collision. */
  readonly suffix?: number;
}

export interface Generated {
  readonly text: string | null;
  readonly ord?: number;
}

/** `undefined` when the kind is one the generator does not know. */
export function generateValue(spec: ColumnSpec, ctx: ValueContext): Generated | undefined {
  if (spec.kind.arrayDims > 0) return arrayValue(spec, ctx);
  return scalarValue(spec.kind.scalar, spec, ctx);
}

function scalarValue(kind: ScalarKind, spec: ColumnSpec, ctx: ValueContext): Generated | undefined {
  const { bounds, random, faker } = ctx;
  if (isOrdinal(kind)) return ordinalValue(kind, spec, ctx);
  const allowed = bounds.allowed?.map(String).filter((v) => !bounds.excluded.map(String).includes(v));
  if (allowed !== undefined && allowed.length > 0 && kind.kind !== "json") return { text: random.pick(allowed) };
  switch (kind.kind) {
    case "text": return { text: textValue(kind, spec, ctx) };
    case "boolean": return { text: random.chance(spec.trueChance) ? "true" : "false" };
    case "enum": {
      const labels = kind.labels.filter((l) => !bounds.excluded.map(String).includes(l));
      return labels.length > 0 ? { text: random.pick(labels) } : undefined;
    }
    case "uuid": return { text: faker.string.uuid() };
    case "json": return { text: JSON.stringify(jsonValue(ctx)) };
    case "bytea": return { text: `\\x${faker.string.hexadecimal({ length: 2 * random.int(4, 16), prefix: "", casing: "lower" })}` };
    case "inet": return { text: faker.internet.ipv4() };
    case "cidr": return { text: `10.${random.int(0, 255)}.${random.int(0, 255)}.0/24` };
    case "macaddr": return { text: faker.internet.mac() };
    case "interval": return { text: `${random.int(1, 180)} ${random.pick(["minutes", "hours", "days"])}` };
    case "tsvector": return { text: faker.lorem.words(3).toLowerCase() };
    case "tsquery": return { text: faker.lorem.word().toLowerCase() };
    case "xml": return { text: `<note>${faker.lorem.word()}</note>` };
    case "point": return { text: `(${random.int(-180, 180)},${random.int(-90, 90)})` };
    case "hstore": return { text: `"${faker.lorem.word()}"=>"${faker.lorem.word()}"` };
    case "ltree": return { text: faker.lorem.words(random.int(1, 3)).toLowerCase().split(" ").join(".") };
    case "money": return { text: (random.int(100, 100_000) / 100).toFixed(2) };
    case "bit": {
      const n = kind.varying ? random.int(1, kind.length) : kind.length;
      return { text: shortCode(random, n, "01") };
    }
    case "geometry": return { text: geometryValue(kind.shape, kind.srid, random) };
    case "range": return rangeValue(kind.subtype, kind.multi, spec, ctx);
    case "unsupported": return undefined;
  }
}

function ordinalValue(kind: OrdinalKind, spec: ColumnSpec, ctx: ValueContext): Generated | undefined {
  const { bounds, random } = ctx;
  if (spec.window !== undefined && spec.window !== "range" && kind.kind !== "time") {
    const [start, end] = windowOf(kind, ctx);
    const step = stepOf(kind);
    const ord = spec.window === "start" ? start : end;
    return { text: formatOrdinal(kind, Math.round(ord / step) * step), ord: Math.round(ord / step) * step };
  }
  if (bounds.allowed !== undefined && bounds.allowed.length > 0) {
    const excluded = bounds.excluded.map(String);
    const allowed = bounds.allowed.filter((v) => !excluded.includes(String(v)));
    if (allowed.length > 0) {
      const value = random.pick(allowed);
      const ord = ordinalOf(kind, value);
      return ord === undefined ? { text: String(value) } : { text: formatOrdinal(kind, ord), ord };
    }
  }
  const [limitLo, limitHi] = typeLimits(kind);
  const lower = tightest(kind, bounds.lower, "lower");
  const upper = tightest(kind, bounds.upper, "upper");
  let [lo, hi] = defaultRange(kind, spec.name);
  if (spec.sequence && ctx.sequence >= (lower?.value ?? -Infinity) && ctx.sequence <= (upper?.value ?? Infinity)) {
    return { text: formatOrdinal(kind, ctx.sequence), ord: ctx.sequence };
  }
  let loStrict = false;
  let hiStrict = false;
  const width = hi - lo;
  if (lower && lower.value >= lo) [lo, loStrict] = [lower.value, lower.strict];
  if (upper && upper.value <= hi) [hi, hiStrict] = [upper.value, upper.strict];
  if (lo > hi) {
    // The CHECK moves the range away from the default one: keep its width, next to the bound.
    if (lower && upper) [lo, hi] = [lower.value, upper.value];
    else if (lower) hi = lower.value + width;
    else if (upper) lo = upper.value - width;
  }
  // Columns that must come after (or before) one already generated: follow it closely.
  for (const a of bounds.above) {
    const v = ctx.known(a.column);
    if (v === undefined) continue;
    if (v >= lo) [lo, loStrict] = [v, a.strict];
    hi = Math.min(upper?.value ?? Infinity, Math.max(lo + followSpan(kind, lo, hi), lo + stepOf(kind) * 2));
  }
  for (const b of bounds.below) {
    const v = ctx.known(b.column);
    if (v !== undefined && v <= hi) [hi, hiStrict] = [v, b.strict];
  }
  lo = Math.max(lo, limitLo);
  hi = Math.min(hi, limitHi);
  const excluded = bounds.excluded.map((e) => ordinalOf(kind, e));
  for (let attempt = 0; attempt < 4; attempt++) {
    const ord = pickInInterval(lo, loStrict, hi, hiStrict, stepOf(kind), random);
    if (ord === undefined) return { text: formatOrdinal(kind, lo), ord: lo };
    if (!excluded.includes(ord)) return { text: formatOrdinal(kind, ord), ord };
  }
  return { text: formatOrdinal(kind, lo), ord: lo };
}

const WINDOW_SECONDS = 3600;

/** Row `i`'s window: one hour (one day for dates) starting 30 days before the base date, after row `i - 1`'s. */
function windowOf(kind: OrdinalKind, ctx: ValueContext): [number, number] {
  const [lo] = defaultRange(kind, "");
  const size = kind.kind === "date" ? 2 * 86_400 : kind.kind === "timestamp" ? WINDOW_SECONDS : 10 * stepOf(kind);
  const start = lo + ctx.window * size;
  const step = stepOf(kind);
  const begin = start + Math.floor(ctx.random.next() * size * 0.2 / step) * step;
  const end = start + size / 2 + Math.floor(ctx.random.next() * size * 0.3 / step) * step;
  return [begin, Math.max(end, begin + step)];
}

function textValue(kind: Extract<ScalarKind, { kind: "text" }>, spec: ColumnSpec, ctx: ValueContext): string {
  const { bounds, random, faker } = ctx;
  const maxLength = Math.min(kind.maxLength ?? Infinity, bounds.maxLength ?? Infinity);
  const minLength = Math.min(bounds.minLength ?? 0, maxLength);
  const excluded = bounds.excluded.map(String);
  const patterns = bounds.patterns.map((p) => ({ ...p, re: jsRegExp(p.pattern, p.caseInsensitive) }));
  const fits = (v: string): boolean =>
    v.length <= maxLength && v.length >= minLength && !excluded.includes(v) &&
    patterns.every((p) => p.re === null || p.re.test(v) !== p.negated);
  let value = "";
  for (let attempt = 0; attempt < 6; attempt++) {
    if (maxLength <= 4 && (attempt > 0 || !/code|iso|currency/.test(spec.name))) value = shortCode(random, kind.fixed ? maxLength : random.int(Math.max(1, minLength), maxLength));
    else value = spec.text(faker, random);
    const positive = patterns.find((p) => !p.negated && p.re !== null && !p.re.test(value));
    if (positive) {
      // `Acme, Inc.` fails `^[a-z0-9-]+$`; `acme-inc` may pass. Else a string drawn from the pattern itself.
      const slug = value.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
      const variants = [slug, slug.replaceAll("-", "_"), slug.replaceAll("-", ""), slug.toUpperCase()];
      value = variants.find((v) => positive.re!.test(v)) ?? (attempt >= 1 ? sampleRegex(positive.pattern, random) : undefined) ?? value;
    }
    value = fitLength(value, minLength, maxLength, random);
    if (ctx.suffix !== undefined) value = withSuffix(value, ctx.suffix, maxLength);
    if (fits(value)) return value;
  }
  return value;
}

function fitLength(value: string, min: number, max: number, random: Random): string {
  let v = value.length > max ? value.slice(0, max).trimEnd() : value;
  if (v.length === 0 && max > 0) v = shortCode(random, 1);
  while (v.length < min) v += shortCode(random, 1, "abcdefghijklmnopqrstuvwxyz");
  return v;
}

/** `anna@example.com` → `anna7@example.com`; `Widget` → `Widget 7`. */
function withSuffix(value: string, suffix: number, maxLength: number): string {
  const tail = String(suffix);
  const at = value.indexOf("@");
  if (at > 0) return `${value.slice(0, Math.max(1, Math.min(at, maxLength - tail.length - (value.length - at))))}${tail}${value.slice(at)}`;
  if (/\s/.test(value)) return `${value.slice(0, Math.max(0, maxLength - tail.length - 1))} ${tail}`;
  return `${value.slice(0, Math.max(0, maxLength - tail.length))}${tail}`;
}

function jsonValue(ctx: ValueContext): unknown {
  const { faker, random, bounds } = ctx;
  const scalar = (): unknown => random.pick([() => faker.lorem.word(), () => random.int(1, 1000), () => random.chance(0.5)])();
  switch (bounds.jsonType) {
    case "array": return Array.from({ length: random.int(0, 3) }, () => faker.lorem.word());
    case "string": return faker.lorem.word();
    case "number": return random.int(1, 1000);
    case "boolean": return random.chance(0.5);
    default: {
      const doc: Record<string, unknown> = {};
      for (const key of bounds.jsonKeys) doc[key] = scalar();
      for (let i = random.int(1, 3); i > 0; i--) doc[faker.lorem.word()] = scalar();
      return doc;
    }
  }
}

function rangeValue(subtype: ScalarKind, multi: boolean, spec: ColumnSpec, ctx: ValueContext): Generated | undefined {
  if (subtype.kind === "uuid") {
    // Row i's window: the uuids that start with i in hex.
    const w = (spec.window === "range" ? ctx.window : ctx.random.int(0, 0xfffffff)).toString(16).padStart(8, "0");
    const range = `[${w}-0000-4000-8000-000000000000,${w}-ffff-4fff-bfff-ffffffffffff)`;
    return { text: multi ? `{${range}}` : range };
  }
  if (!isOrdinal(subtype)) return undefined;
  let start: number;
  let end: number;
  if (spec.window === "range") [start, end] = windowOf(subtype, ctx);
  else {
    const [lo, hi] = defaultRange(subtype, spec.name);
    const a = pickInInterval(lo, false, hi, false, stepOf(subtype), ctx.random) ?? lo;
    start = a;
    end = a + Math.max(stepOf(subtype), Math.round(followSpan(subtype, lo, hi) * ctx.random.next() / stepOf(subtype)) * stepOf(subtype));
  }
  const range = `[${JSON.stringify(formatOrdinal(subtype, start))},${JSON.stringify(formatOrdinal(subtype, end))})`;
  return { text: multi ? `{${range}}` : range };
}

function geometryValue(shape: string, srid: number | undefined, random: Random): string {
  const prefix = srid === undefined ? "" : `SRID=${srid};`;
  const lon = random.int(-179_000_000, 179_000_000) / 1e6;
  const lat = random.int(-84_000_000, 84_000_000) / 1e6;
  const d = 0.01;
  const ring = `${lon} ${lat}, ${lon + d} ${lat}, ${lon + d} ${lat + d}, ${lon} ${lat + d}, ${lon} ${lat}`;
  const base = shape.replace(/[ZM]+$/, "");
  switch (base) {
    case "LINESTRING": return `${prefix}LINESTRING(${lon} ${lat}, ${lon + d} ${lat + d})`;
    case "POLYGON": return `${prefix}POLYGON((${ring}))`;
    case "MULTIPOINT": return `${prefix}MULTIPOINT((${lon} ${lat}))`;
    case "MULTILINESTRING": return `${prefix}MULTILINESTRING((${lon} ${lat}, ${lon + d} ${lat + d}))`;
    case "MULTIPOLYGON": return `${prefix}MULTIPOLYGON(((${ring})))`;
    default: return `${prefix}POINT(${lon} ${lat})`;
  }
}

function arrayValue(spec: ColumnSpec, ctx: ValueContext): Generated | undefined {
  const { bounds, random } = ctx;
  const min = bounds.minLength ?? 0;
  const max = Math.max(min, Math.min(bounds.maxLength ?? 3, 3));
  const count = spec.kind.arrayDims > 1 ? 0 : random.int(min, max);
  const elementSpec: ColumnSpec = { ...spec, kind: { ...spec.kind, arrayDims: 0 }, window: undefined, sequence: undefined, unique: undefined };
  const elementCtx: ValueContext = { ...ctx, bounds: NO_BOUNDS, suffix: undefined };
  const items: string[] = [];
  for (let i = 0; i < count; i++) {
    const scalar = spec.kind.scalar;
    const v = scalar.kind === "text" && scalar.maxLength === undefined
      ? { text: ctx.faker.word.noun().toLowerCase() }
      : scalarValue(scalar, elementSpec, elementCtx);
    if (v === undefined) return undefined;
    if (v.text !== null) items.push(`"${v.text.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`);
  }
  return { text: `{${items.join(",")}}` };
}
