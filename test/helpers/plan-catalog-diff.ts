import { canonicalJson, schemaContent } from "../../src/catalog/canonical.js";
import type { Catalog } from "../../src/catalog/model.js";

/**
 * Where two catalogs differ, as JSON paths a reader can act on (`tables[public.users].columns[email].type: …`)
 * instead of a dump of thousands of lines. List items are matched by their identity (name, schema, table, …) when
 * every item of both lists has a distinct one, else by position.
 */
export function catalogDifferences(actual: Catalog, expected: Catalog, limit = 12): string[] {
  const a = JSON.parse(canonicalJson(schemaContent(actual), 0)) as unknown;
  const e = JSON.parse(canonicalJson(schemaContent(expected), 0)) as unknown;
  const out: string[] = [];
  walk(a, e, "", out, limit + 1);
  if (out.length > limit) out.splice(limit, out.length - limit, "… (more differences left out)");
  return out;
}

export const sameCatalog = (a: Catalog, b: Catalog): boolean =>
  canonicalJson(schemaContent(a), 0) === canonicalJson(schemaContent(b), 0);

/** Keys that identify an item besides its (qualified) name, in the order they are shown. */
const IDENTITY_KEYS = ["source", "target", "role", "objectType", "from", "to", "grantee", "privilege", "column", "expression", "tokenType", "identity"] as const;

function identityOf(item: unknown): string | undefined {
  if (item === null || typeof item !== "object" || Array.isArray(item)) return undefined;
  const o = item as Record<string, unknown>;
  const parts: string[] = [];
  const table = o.table as Record<string, unknown> | undefined;
  if (table && typeof table === "object") parts.push(`${String(table.schema)}.${String(table.name)}`);
  if (typeof o.name === "string") parts.push(typeof o.schema === "string" ? `${o.schema}.${o.name}` : o.name);
  else if (typeof o.schema === "string") parts.push(o.schema);
  if (typeof o.identityArguments === "string") parts[parts.length - 1] += `(${o.identityArguments})`;
  for (const key of IDENTITY_KEYS) if (typeof o[key] === "string") parts.push(o[key] as string);
  return parts.length === 0 ? undefined : parts.join(" ");
}

function keyed(list: readonly unknown[]): Map<string, unknown> | undefined {
  const map = new Map<string, unknown>();
  for (const item of list) {
    const id = identityOf(item);
    if (id === undefined || map.has(id)) return undefined;
    map.set(id, item);
  }
  return map;
}

const show = (v: unknown): string => {
  const text = JSON.stringify(v);
  return text === undefined ? "(absent)" : text.length > 160 ? `${text.slice(0, 157)}…` : text;
};

function walk(a: unknown, e: unknown, path: string, out: string[], limit: number): void {
  if (out.length >= limit) return;
  if (JSON.stringify(a) === JSON.stringify(e)) return;
  if (Array.isArray(a) && Array.isArray(e)) {
    const ka = keyed(a);
    const ke = keyed(e);
    if (ka && ke) {
      for (const [id, item] of ke) {
        if (!ka.has(id)) out.push(`${path}[${id}]: missing (expected ${show(item)})`);
        else walk(ka.get(id), item, `${path}[${id}]`, out, limit);
        if (out.length >= limit) return;
      }
      for (const [id, item] of ka) {
        if (!ke.has(id)) out.push(`${path}[${id}]: unexpected ${show(item)}`);
        if (out.length >= limit) return;
      }
      const orderA = [...ka.keys()].filter((k) => ke.has(k));
      const orderE = [...ke.keys()].filter((k) => ka.has(k));
      if (orderA.join("\u0000") !== orderE.join("\u0000")) out.push(`${path}: order ${show(orderA)} (expected ${show(orderE)})`);
      return;
    }
    const n = Math.max(a.length, e.length);
    for (let i = 0; i < n && out.length < limit; i++) {
      if (i >= a.length) out.push(`${path}[${i}]: missing (expected ${show(e[i])})`);
      else if (i >= e.length) out.push(`${path}[${i}]: unexpected ${show(a[i])}`);
      else walk(a[i], e[i], `${path}[${i}]`, out, limit);
    }
    return;
  }
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
  if (isObject(a) && isObject(e)) {
    for (const key of new Set([...Object.keys(e), ...Object.keys(a)])) {
      walk(a[key], e[key], path === "" ? key : `${path}.${key}`, out, limit);
      if (out.length >= limit) return;
    }
    return;
  }
  out.push(`${path}: ${show(a)} (expected ${show(e)})`);
}
