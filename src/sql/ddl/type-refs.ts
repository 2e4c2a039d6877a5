import type { Catalog, ObjectId } from "../../catalog/model.js";
import { objectId } from "../../catalog/object-id.js";
import { defaultMultirangeName } from "../../catalog/read/type-names.js";
import type { DdlContext } from "./context.js";

/**
 * What a piece of SQL text refers to. Everything PostgreSQL prints with an empty search_path (`format_type`,
 * `pg_get_expr`, `pg_get_constraintdef`, SQL-standard bodies) is schema-qualified outside pg_catalog, so the
 * `schema.name` pairs in a text are its references to user objects. Matching them against the catalog's types,
 * relations and collations gives ids a piece requires besides the catalog's own dependency edges. Function calls are
 * left to those edges: a name alone cannot tell overloads apart, and guessing could make cycles that are not there.
 */
export function referencedIds(ctx: DdlContext, ...texts: readonly (string | undefined)[]): ObjectId[] {
  const index = catalogIndex(ctx.catalog);
  const ids = new Set<ObjectId>();
  for (const text of texts) {
    if (text === undefined) continue;
    for (const ref of qualifiedNamesIn(text)) {
      for (const id of index.relations.get(`${ref.schema}\u0000${ref.name}`) ?? []) ids.add(id);
    }
  }
  return [...ids];
}

/**
 * The ids of the functions called `schema.name` (every overload, aggregates aside), from a qualified name or
 * `regprocedure` text: what an aggregate, cast or range names as its support function.
 */
export function routineIdsNamed(ctx: DdlContext, reference: string | undefined): ObjectId[] {
  if (reference === undefined) return [];
  const [ref] = qualifiedNamesIn(reference);
  return ref ? [...(catalogIndex(ctx.catalog).functions.get(`${ref.schema}\u0000${ref.name}`) ?? [])] : [];
}

/**
 * Not an object: a mark the piece creating a range's canonical function sets once it has created the range as a
 * shell type too. The range's own piece waits for it even after a cycle split (see routines.ts).
 */
export function shellTypeMark(typeId: ObjectId): string {
  return `${typeId} (shell)`;
}

/** The name part of `regprocedure` text: `schema.f(int4)` → `schema.f` (a quoted name may hold parentheses). */
export function functionNameOf(signature: string): string {
  let quoted = false;
  for (let i = 0; i < signature.length; i++) {
    const c = signature[i];
    if (c === '"') quoted = !quoted;
    else if (c === "(" && !quoted) return signature.slice(0, i);
  }
  return signature;
}

interface CatalogIndex {
  /** Types, tables, views, materialized views and collations by `schema\0name`. */
  readonly relations: ReadonlyMap<string, readonly ObjectId[]>;
  /** Functions, procedures and window functions (not aggregates) by `schema\0name`. */
  readonly functions: ReadonlyMap<string, readonly ObjectId[]>;
}

const indexes = new WeakMap<Catalog, CatalogIndex>();

function catalogIndex(catalog: Catalog): CatalogIndex {
  let index = indexes.get(catalog);
  if (index) return index;
  const relations = new Map<string, ObjectId[]>();
  const functions = new Map<string, ObjectId[]>();
  const add = (map: Map<string, ObjectId[]>, schema: string, name: string, ...ids: ObjectId[]): void => {
    const key = `${schema}\u0000${name}`;
    map.set(key, [...(map.get(key) ?? []), ...ids]);
  };
  for (const r of catalog.routines) {
    if (r.kind !== "aggregate") add(functions, r.schema, r.name, objectId.routine(r, r.identityArguments));
  }
  for (const t of catalog.types) {
    add(relations, t.schema, t.name, objectId.type(t));
    // A range's multirange type comes into being with it.
    if (t.kind === "range") {
      const multirange = t.multirange ?? { schema: t.schema, name: defaultMultirangeName(t.name) };
      add(relations, multirange.schema, multirange.name, objectId.type(t));
    }
  }
  for (const t of catalog.tables) add(relations, t.schema, t.name, objectId.table(t));
  for (const v of catalog.views) add(relations, v.schema, v.name, objectId.view(v));
  for (const m of catalog.materializedViews) add(relations, m.schema, m.name, objectId.materializedView(m));
  for (const c of catalog.collations) add(relations, c.schema, c.name, objectId.collation(c));
  index = { relations, functions };
  indexes.set(catalog, index);
  return index;
}

interface NameReference {
  readonly schema: string;
  readonly name: string;
}

const BARE = /[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/y;

/** Every `schema.name` in a SQL text, string literals skipped. Bare names fold to lower case, as PostgreSQL does. */
export function qualifiedNamesIn(text: string): NameReference[] {
  const refs: NameReference[] = [];
  let i = 0;
  const identifier = (): string | undefined => {
    if (text[i] === '"') {
      let name = "";
      for (i++; i < text.length; i++) {
        if (text[i] === '"') {
          if (text[i + 1] !== '"') break;
          i++;
        }
        name += text[i];
      }
      i++;
      return name;
    }
    BARE.lastIndex = i;
    const m = BARE.exec(text);
    if (!m) return undefined;
    i += m[0].length;
    return m[0].toLowerCase();
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === "'") {
      const escaped = i > 0 && /[eE]/.test(text[i - 1]!);
      for (i++; i < text.length; i++) {
        if (escaped && text[i] === "\\") i++;
        else if (text[i] === "'") {
          if (text[i + 1] !== "'") break;
          i++;
        }
      }
      i++;
      continue;
    }
    const start = i;
    const first = identifier();
    if (first === undefined) {
      i = start + 1;
      continue;
    }
    // Only a name starting fresh (not the tail of `a.b.c` or a number like 1e5) begins a reference.
    const fresh = start === 0 || !/[A-Za-z0-9_$."\u0080-\uffff]/.test(text[start - 1]!);
    if (fresh && text[i] === ".") {
      i++;
      const second = identifier();
      if (second !== undefined) {
        refs.push({ schema: first, name: second });
        // Skip the rest of a longer dotted name (`schema.table.column`).
        while (text[i] === ".") {
          i++;
          if (identifier() === undefined) break;
        }
      }
    }
  }
  return refs;
}
