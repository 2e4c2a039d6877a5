import { createHash } from "node:crypto";
import type { Catalog, QualifiedName, Routine } from "./model.js";

/**
 * Canonical form: every top-level list sorted by identity, JSON keys in one fixed order. Two catalogs of the same
 * schema serialize to the same bytes, whatever order the catalog rows came in.
 */

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function by<T>(...keys: readonly ((item: T) => string)[]): (a: T, b: T) => number {
  return (a, b) => {
    for (const key of keys) {
      const c = compare(key(a), key(b));
      if (c !== 0) return c;
    }
    return 0;
  };
}

const qn = (q: QualifiedName): string => `${q.schema}\u0000${q.name}`;
const sorted = <T>(list: readonly T[], cmp: (a: T, b: T) => number): T[] => [...list].sort(cmp);

/** Sorts every list of the catalog by identity. */
export function canonicalize(catalog: Catalog): Catalog {
  return {
    formatVersion: catalog.formatVersion,
    server: catalog.server,
    schemas: sorted(catalog.schemas, by((s) => s.name)),
    extensions: sorted(catalog.extensions, by((e) => e.name)),
    collations: sorted(catalog.collations, by(qn)),
    types: sorted(catalog.types, by(qn)),
    sequences: sorted(catalog.sequences, by(qn)),
    tables: sorted(catalog.tables, by(qn)),
    indexes: sorted(catalog.indexes, by(qn)),
    views: sorted(catalog.views, by(qn)),
    materializedViews: sorted(catalog.materializedViews, by(qn)),
    routines: sorted(catalog.routines, by<Routine>(qn, (r) => r.identityArguments)),
    triggers: sorted(catalog.triggers, by((t) => qn(t.table), (t) => t.name)),
    eventTriggers: sorted(catalog.eventTriggers, by((t) => t.name)),
    rules: sorted(catalog.rules, by((r) => qn(r.table), (r) => r.name)),
    policies: sorted(catalog.policies, by((p) => qn(p.table), (p) => p.name)),
    casts: sorted(catalog.casts, by((c) => c.source, (c) => c.target)),
    textSearchConfigurations: sorted(catalog.textSearchConfigurations, by(qn)),
    textSearchDictionaries: sorted(catalog.textSearchDictionaries, by(qn)),
    foreignServers: sorted(catalog.foreignServers, by((s) => s.name)),
    defaultPrivileges: sorted(catalog.defaultPrivileges, by((d) => d.role, (d) => d.schema ?? "", (d) => d.objectType)),
    dependencies: dedupeSorted(sorted(catalog.dependencies, by((d) => d.from, (d) => d.to))),
    unmodeled: sorted(catalog.unmodeled, by((u) => u.kind, (u) => u.identity)),
  };
}

function dedupeSorted<T extends { readonly from: string; readonly to: string }>(list: T[]): T[] {
  return list.filter((d, i) => i === 0 || d.from !== list[i - 1]!.from || d.to !== list[i - 1]!.to);
}

/** Keys that read best first; the rest follow in alphabetical order. */
const LEADING_KEYS = ["formatVersion", "server", "kind", "schema", "table", "name"];
const keyRank = (key: string): number => {
  const i = LEADING_KEYS.indexOf(key);
  return i === -1 ? LEADING_KEYS.length : i;
};
const orderKeys = (a: string, b: string): number => keyRank(a) - keyRank(b) || compare(a, b);

/** JSON with keys in canonical order and `undefined` properties left out; byte-stable for equal values. */
export function canonicalJson(value: unknown, indent = 2): string {
  // Key-ordered copies serialized natively, rather than a replacer called for every value of the catalog; the
  // replacer stays for what the copies do not cover (an object with toJSON).
  const text = keyOrderedJson(value, " ".repeat(Math.max(0, Math.min(10, Math.trunc(indent)))));
  if (text !== UNCOPIED) return text;
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort(orderKeys)) {
      const item = (v as Record<string, unknown>)[k];
      if (item !== undefined) out[k] = item;
    }
    return out;
  }, indent);
}

/**
 * An object's members are copied and serialized one at a time, so that only one list of the catalog is copied at
 * once: each as the only member of a wrapper object, whose braces are then cut off, which leaves the member exactly
 * as JSON.stringify writes it inside the whole object (indented one level).
 */
function keyOrderedJson(value: unknown, gap: string): string | typeof UNCOPIED {
  const copier = new KeyOrderedCopy();
  const whole = value === null || typeof value !== "object" || Array.isArray(value) || typeof (value as { toJSON?: unknown }).toJSON === "function";
  if (whole) {
    const copy = copier.of(value);
    return copy === UNCOPIED ? UNCOPIED : (JSON.stringify(copy, null, gap) as string);
  }
  const members: string[] = [];
  for (const key of copier.keysOf(value)) {
    const copy = copier.of((value as Record<string, unknown>)[key]);
    if (copy === UNCOPIED) return UNCOPIED;
    if (copy === undefined) continue;
    const text = JSON.stringify({ [key]: copy }, null, gap);
    // "{}" when the member is a function or symbol: JSON.stringify leaves it out.
    if (text.length > 2) members.push(gap === "" ? text.slice(1, -1) : text.slice(2, -2));
  }
  if (members.length === 0) return "{}";
  return gap === "" ? `{${members.join(",")}}` : `{\n${members.join(",\n")}\n}`;
}

const UNCOPIED = Symbol("uncopied");

/** Plain objects copied with keys in canonical order and undefined values left out. */
class KeyOrderedCopy {
  /** Sorted key lists by the key list they sort: objects of one kind share one, so each is sorted once. */
  readonly #orders = new Map<number, { keys: string[]; sorted: string[]; written: string[] }[]>();

  of(value: unknown): unknown {
    if (value === null || typeof value !== "object") return value;
    if (typeof (value as { toJSON?: unknown }).toJSON === "function") return UNCOPIED;
    if (Array.isArray(value)) {
      const out = new Array<unknown>(value.length);
      for (let i = 0; i < value.length; i++) {
        const item = this.of(value[i]);
        if (item === UNCOPIED) return UNCOPIED;
        out[i] = item;
      }
      return out;
    }
    const out: Record<string, unknown> = {};
    for (const key of this.#sorted(Object.keys(value), false)) {
      const item = (value as Record<string, unknown>)[key];
      if (item === undefined) continue;
      const copied = this.of(item);
      if (copied === UNCOPIED) return UNCOPIED;
      out[key] = copied;
    }
    return out;
  }

  /** The keys of an object in the order JSON.stringify writes its copy: array-index keys first, then canonical. */
  keysOf(object: object): string[] {
    return this.#sorted(Object.keys(object), true);
  }

  #sorted(keys: string[], indexesFirst: boolean): string[] {
    let known = this.#orders.get(keys.length);
    if (known === undefined) this.#orders.set(keys.length, (known = []));
    next: for (const entry of known) {
      for (let i = 0; i < keys.length; i++) if (entry.keys[i] !== keys[i]) continue next;
      return indexesFirst ? entry.written : entry.sorted;
    }
    const sorted = [...keys].sort(orderKeys);
    const indexes = sorted.filter(isArrayIndex);
    const written = indexes.length === 0 ? sorted : [...indexes.sort((a, b) => Number(a) - Number(b)), ...sorted.filter((k) => !isArrayIndex(k))];
    known.push({ keys, sorted, written });
    return indexesFirst ? written : sorted;
  }
}

const isArrayIndex = (key: string): boolean => /^(0|[1-9][0-9]*)$/.test(key) && Number(key) < 4294967295;

/** The schema content without where it was read, for equality across engines. */
export function schemaContent(catalog: Catalog): Omit<Catalog, "server"> {
  const { server: _server, ...content } = canonicalize(catalog);
  return content;
}

/** sha256 of the canonical JSON of the schema content (server info excluded). */
export function catalogHash(catalog: Catalog): string {
  return createHash("sha256").update(canonicalJson(schemaContent(catalog), 0)).digest("hex");
}
