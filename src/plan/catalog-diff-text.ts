import { schemaContent } from "../catalog/canonical.js";
import type { Catalog } from "../catalog/model.js";

/**
 * The first few places where two catalogs differ, as JSON paths a reader can follow, e.g.
 * `tables[public.users].columns[email].notNull: false → true` (left value → right value). Lists of objects are
 * matched by identity (name, table and name, …), not by position, so one added column reads as one line instead
 * of every later column shifting.
 */
export function catalogDifferences(a: Catalog, b: Catalog, limit = 5): string[] {
  return valueDifferences(schemaContent(a), schemaContent(b), limit);
}

/** The same for any two JSON-like values (e.g. catalogs with owners masked). */
export function valueDifferences(a: unknown, b: unknown, limit = 5): string[] {
  const out: string[] = [];
  walk(a, b, "", out, limit);
  return out;
}

/** One line per difference, with a count of those left out. */
export function catalogDiffText(a: Catalog, b: Catalog, limit = 5): string {
  return differencesText(catalogDifferences(a, b, limit + 1), limit);
}

export function differencesText(lines: readonly string[], limit = 5): string {
  const shown = lines.slice(0, limit);
  return lines.length > limit ? [...shown, "… and more"].join("\n") : shown.join("\n");
}

const ABSENT = Symbol("absent");

function walk(a: unknown, b: unknown, path: string, out: string[], limit: number): void {
  if (out.length >= limit || same(a, b)) return;
  if (Array.isArray(a) && Array.isArray(b)) return walkList(a, b, path, out, limit);
  if (isObject(a) && isObject(b)) {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
      const left = key in a && a[key] !== undefined ? a[key] : ABSENT;
      const right = key in b && b[key] !== undefined ? b[key] : ABSENT;
      walk(left, right, path === "" ? key : `${path}.${key}`, out, limit);
    }
    return;
  }
  out.push(`${path}: ${show(a)} → ${show(b)}`);
}

function walkList(a: readonly unknown[], b: readonly unknown[], path: string, out: string[], limit: number): void {
  const ka = keyed(a);
  const kb = keyed(b);
  if (ka === undefined || kb === undefined) {
    // Lists of plain values (enum labels, options) or without identities: the whole list is the value.
    if (a.every(isObject) && b.every(isObject) && a.length === b.length) {
      a.forEach((x, i) => walk(x, b[i], `${path}[${i}]`, out, limit));
      return;
    }
    out.push(`${path}: ${show(a)} → ${show(b)}`);
    return;
  }
  for (const key of [...new Set([...ka.keys(), ...kb.keys()])]) {
    walk(ka.get(key) ?? ABSENT, kb.get(key) ?? ABSENT, `${path}[${key}]`, out, limit);
  }
}

/** Items by identity; undefined when some item has none or two share one. */
function keyed(list: readonly unknown[]): Map<string, unknown> | undefined {
  const map = new Map<string, unknown>();
  for (const item of list) {
    const key = isObject(item) ? identity(item) : undefined;
    if (key === undefined || map.has(key)) return undefined;
    map.set(key, item);
  }
  return map;
}

function identity(o: Record<string, unknown>): string | undefined {
  const str = (k: string): string | undefined => (typeof o[k] === "string" ? (o[k] as string) : undefined);
  const table = o.table as { schema?: unknown; name?: unknown } | undefined;
  if (str("schema") && str("name")) return `${str("schema")}.${str("name")}${str("identityArguments") === undefined ? "" : `(${str("identityArguments")})`}`;
  // Triggers, rules, policies: named within their table.
  if (isObject(table) && typeof table.schema === "string" && str("name")) return `${table.schema}.${table.name as string}.${str("name")}`;
  if (str("name")) return str("name");
  if (str("source") && str("target")) return `${str("source")} AS ${str("target")}`;
  if (str("from") && str("to")) return `${str("from")} → ${str("to")}`;
  if (str("grantee") && str("privilege")) return `${str("grantee")} ${str("privilege")}`;
  if (str("role") && str("objectType")) return `${str("role")} ${str("schema") ?? "*"} ${str("objectType")}`;
  if (str("kind") && str("identity")) return `${str("kind")} ${str("identity")}`;
  return undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

// Canonical values share key order, so equal JSON text means equal values (a differing order only costs a walk).
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function show(v: unknown): string {
  if (v === ABSENT) return "absent";
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
