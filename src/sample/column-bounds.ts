/**
 * The atoms that apply to one row, gathered per column: what the value generators must respect.
 */
import type { Atom, Constant } from "./check-atoms.js";

export interface Limit {
  readonly value: Constant;
  readonly strict: boolean;
}

export interface Pattern {
  readonly pattern: string;
  readonly caseInsensitive: boolean;
  readonly negated: boolean;
}

export interface ColumnBounds {
  lower: Limit[];
  upper: Limit[];
  /** Allowed values (the intersection of every IN list); absent: anything. */
  allowed?: Constant[];
  excluded: Constant[];
  minLength?: number;
  maxLength?: number;
  patterns: Pattern[];
  /** true: must be NULL; false: must not be. */
  isNull?: boolean;
  jsonType?: string;
  jsonKeys: string[];
  /** Columns this one must be greater than (`strict`: not equal either). */
  above: { readonly column: string; readonly strict: boolean }[];
  /** Columns this one must be less than. */
  below: { readonly column: string; readonly strict: boolean }[];
}

export type RowBounds = ReadonlyMap<string, ColumnBounds>;

function empty(): ColumnBounds {
  return { lower: [], upper: [], excluded: [], patterns: [], jsonKeys: [], above: [], below: [] };
}

/** Gathers atoms by column; `into` (a copy of static bounds) is extended when given. */
export function gatherBounds(atoms: Iterable<Atom>, into: Map<string, ColumnBounds> = new Map()): Map<string, ColumnBounds> {
  const of = (column: string): ColumnBounds => {
    let b = into.get(column);
    if (!b) into.set(column, (b = empty()));
    return b;
  };
  for (const a of atoms) {
    switch (a.kind) {
      case "compare": {
        const b = of(a.column);
        const limit = { value: a.value, strict: a.op === "<" || a.op === ">" };
        if (a.op === "<" || a.op === "<=") b.upper.push(limit);
        else b.lower.push(limit);
        break;
      }
      case "in": {
        const b = of(a.column);
        if (a.negated) b.excluded.push(...a.values);
        else b.allowed = b.allowed === undefined ? [...a.values] : b.allowed.filter((v) => a.values.some((w) => String(w) === String(v)));
        break;
      }
      case "null":
        of(a.column).isNull = a.isNull;
        break;
      case "length": {
        const b = of(a.column);
        const min = a.op === ">" ? a.value + 1 : a.op === ">=" || a.op === "=" ? a.value : undefined;
        const max = a.op === "<" ? a.value - 1 : a.op === "<=" || a.op === "=" ? a.value : undefined;
        if (min !== undefined) b.minLength = Math.max(b.minLength ?? 0, min);
        if (max !== undefined) b.maxLength = Math.min(b.maxLength ?? Infinity, max);
        break;
      }
      case "match":
        of(a.column).patterns.push({ pattern: a.pattern, caseInsensitive: a.caseInsensitive, negated: a.negated });
        break;
      case "order":
        of(a.greater).above.push({ column: a.lesser, strict: a.strict });
        of(a.lesser).below.push({ column: a.greater, strict: a.strict });
        break;
      case "json-type":
        of(a.column).jsonType = a.type;
        break;
      case "json-key":
        of(a.column).jsonKeys.push(a.key);
        break;
    }
  }
  return into;
}

/** A deep enough copy of static bounds to add one row's alternatives to. */
export function copyBounds(bounds: ReadonlyMap<string, ColumnBounds>): Map<string, ColumnBounds> {
  const copy = new Map<string, ColumnBounds>();
  for (const [column, b] of bounds) {
    copy.set(column, {
      ...b,
      lower: [...b.lower],
      upper: [...b.upper],
      excluded: [...b.excluded],
      patterns: [...b.patterns],
      jsonKeys: [...b.jsonKeys],
      above: [...b.above],
      below: [...b.below],
      ...(b.allowed ? { allowed: [...b.allowed] } : {}),
    });
  }
  return copy;
}

export const NO_BOUNDS: ColumnBounds = Object.freeze(empty());
