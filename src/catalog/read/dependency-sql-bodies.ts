import { ident } from "../../sql/ident.js";
import type { Dependency, ObjectId } from "../model.js";
import { objectId } from "../object-id.js";
import { CATALOG } from "./catalog-objects.js";
import { type ReadContext, jsonOf } from "./context.js";
import { type NamesInSql, type WrittenName, loadSqlParser, namesInSql, splitQualifiedName } from "./dependency-sql-names.js";

/**
 * Edges PostgreSQL does not record: from a LANGUAGE sql routine whose body is a string to the relations, routines and
 * types its body names (parsed with the PostgreSQL 18 grammar; a body that does not parse gives no edges).
 * - A qualified name is taken as written. An unqualified one is looked up along the routine's own `search_path`
 *   (its `SET search_path` clause) or, without one, along the inspected schemas with `public` first and the others
 *   in name order; the first schema holding such an object wins, as in PostgreSQL (`pg_catalog`, searched first
 *   there, holds nothing of ours).
 * - A routine name stands for every overload of it: the argument types are not known without running the parser's
 *   analysis.
 * - An edge that would close a cycle is left out (mutually recursive routines, a table whose CHECK or default calls a
 *   routine that reads it, an over-eager overload match). Cycles are judged with a relation, its columns and its
 *   constraints taken as one, as the DDL may create them together: these edges must never make the DDL unorderable.
 *   The DDL needs none of them to load (string bodies are created with check_function_bodies off); they are there
 *   for what the graph tells, such as what breaks when a table goes.
 */
export function sqlBodyDependencies(
  ctx: ReadContext,
  known: ReadonlySet<ObjectId>,
  catalogEdges: readonly Dependency[],
  bodies: readonly SqlBody[],
): Dependency[] {
  if (bodies.length === 0) return [];
  const lookup = new KnownNames(known);
  const graph = new Graph(catalogEdges);
  const added: Dependency[] = [];
  const routines = bodies
    .map((b) => ({
      id: ctx.objectAt(CATALOG.proc, b.oid, 0) ?? "",
      names: b.names,
      path: searchPathOf(jsonOf<string[]>(b.config)) ?? lookup.defaultPath,
    }))
    .filter((r) => known.has(r.id))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const routine of routines) {
    const names = routine.names;
    if (!names) continue;
    const targets = new Set<ObjectId>([
      ...names.relations.flatMap((n) => lookup.resolve(n, routine.path, relationIds)),
      ...names.functions.flatMap((n) => lookup.resolve(n, routine.path, (q) => lookup.routinesNamed(q))),
      ...names.types.flatMap((n) => lookup.resolve(n, routine.path, typeIds)),
    ]);
    for (const to of [...targets].sort()) {
      if (to === routine.id || graph.reaches(to, routine.id)) continue;
      graph.add(routine.id, to);
      added.push({ from: routine.id, to });
    }
  }
  return added;
}

/** A string body of a routine (`oid`), with the names it holds (undefined when it does not parse). */
export interface SqlBody {
  readonly oid: unknown;
  readonly config: unknown;
  readonly names: NamesInSql | undefined;
}

/**
 * The string bodies, parsed as soon as they arrive: loading the parser (WebAssembly) and parsing need nothing the
 * readers return, so they happen while the server works on the other catalog queries.
 */
export async function fetchSqlBodies(ctx: ReadContext): Promise<SqlBody[]> {
  const rows = await ctx.rows("dependency-sql-bodies");
  if (rows.length === 0) return [];
  await loadSqlParser();
  return rows.map((r) => ({ oid: r.oid, config: r.config, names: namesInSql(String(r.body)) }));
}

type Candidates = (q: { schema: string; name: string }) => ObjectId[];

const relationIds: Candidates = (q) => [objectId.table(q), objectId.view(q), objectId.materializedView(q), objectId.sequence(q)];
/** A table's row type is a type too. */
const typeIds: Candidates = (q) => [objectId.type(q), objectId.table(q), objectId.view(q), objectId.materializedView(q)];

/** The known ids, searchable by name. */
class KnownNames {
  readonly defaultPath: readonly string[];
  readonly #known: ReadonlySet<ObjectId>;
  readonly #routines = new Map<string, ObjectId[]>();

  constructor(known: ReadonlySet<ObjectId>) {
    this.#known = known;
    const schemas: string[] = [];
    for (const id of known) {
      if (id.startsWith("schema:")) schemas.push(splitQualifiedName(id.slice("schema:".length))![0]!);
      if (id.startsWith("function:")) {
        const prefix = id.slice(0, argumentsStart(id));
        const list = this.#routines.get(prefix);
        if (list) list.push(id);
        else this.#routines.set(prefix, [id]);
      }
    }
    schemas.sort();
    this.defaultPath = schemas.includes("public") ? ["public", ...schemas.filter((s) => s !== "public")] : schemas;
  }

  routinesNamed(q: { schema: string; name: string }): ObjectId[] {
    return this.#routines.get(`function:${ident(q.schema)}.${ident(q.name)}`) ?? [];
  }

  /** The known objects a written name refers to: qualified as is, else in the first schema of the path with any. */
  resolve(written: WrittenName, path: readonly string[], candidates: Candidates): ObjectId[] {
    const inSchema = (schema: string) => candidates({ schema, name: written.name }).filter((id) => this.#known.has(id));
    if (written.schema !== undefined) return inSchema(written.schema);
    for (const schema of path) {
      const found = inSchema(schema);
      if (found.length > 0) return found;
    }
    return [];
  }
}

/** Where the argument list of a routine id starts: its first `(` outside a quoted name (else the id's length). */
export function argumentsStart(id: string): number {
  let quoted = false;
  for (let i = 0; i < id.length; i++) {
    if (id[i] === '"') quoted = !quoted;
    else if (id[i] === "(" && !quoted) return i;
  }
  return id.length;
}

/**
 * The schemas of a `search_path=…` entry of `proconfig` (list items as PostgreSQL writes them: quoted when needed).
 * `$user` and `pg_temp` are left out: neither can hold the objects of a schema script.
 */
export function searchPathOf(config: readonly string[] | undefined): string[] | undefined {
  const entry = config?.find((c) => c.startsWith("search_path="));
  if (entry === undefined) return undefined;
  const value = entry.slice("search_path=".length).trim();
  if (value === "" || value === '""') return [];
  return value
    .split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)
    .map((item) => splitQualifiedName(item.trim())?.[0] ?? item.trim())
    .filter((schema) => schema !== "$user" && schema !== "pg_temp");
}

/** Adjacency of the edges so far between units (see `unitOf`), for reachability. */
class Graph {
  readonly #next = new Map<string, string[]>();
  readonly #units = new Map<ObjectId, string>();

  constructor(edges: readonly Dependency[]) {
    for (const e of edges) this.add(e.from, e.to);
  }

  #unitOf(id: ObjectId): string {
    let unit = this.#units.get(id);
    if (unit === undefined) this.#units.set(id, (unit = unitOf(id)));
    return unit;
  }

  add(from: ObjectId, to: ObjectId): void {
    const [a, b] = [this.#unitOf(from), this.#unitOf(to)];
    const list = this.#next.get(a);
    if (list) list.push(b);
    else this.#next.set(a, [b]);
  }

  reaches(fromId: ObjectId, targetId: ObjectId): boolean {
    const [from, target] = [this.#unitOf(fromId), this.#unitOf(targetId)];
    const seen = new Set<string>([from]);
    const stack = [from];
    for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
      if (id === target) return true;
      for (const next of this.#next.get(id) ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    return false;
  }
}

const WHOLE_KINDS = new Set(["table", "view", "materialized-view", "type", "sequence"]);
const PART_KINDS = new Set(["column", "constraint"]);

/**
 * A relation or type, its columns and its constraints share one unit (one CREATE statement may make them all);
 * any other object is a unit of its own (triggers, rules, policies and indexes are created apart).
 */
function unitOf(id: ObjectId): string {
  const colon = id.indexOf(":");
  const kind = id.slice(0, colon);
  if (!WHOLE_KINDS.has(kind) && !PART_KINDS.has(kind)) return id;
  if (!id.includes('"', colon)) {
    // Bare parts are printed as is (see `ident`): the unit is the id's first two parts.
    const first = id.indexOf(".", colon);
    if (first === -1) return id;
    const second = id.indexOf(".", first + 1);
    return `unit:${id.slice(colon + 1, second === -1 ? id.length : second)}`;
  }
  const parts = splitQualifiedName(id.slice(colon + 1));
  return parts && parts.length >= 2 ? `unit:${ident(parts[0]!)}.${ident(parts[1]!)}` : id;
}
