import type { Row } from "../../db/queryable.js";
import type { Dependency, ObjectId } from "../model.js";
import { kindOf, objectId } from "../object-id.js";
import { CATALOG } from "./catalog-objects.js";
import type { ReadContext } from "./context.js";
import { type SqlBody, argumentsStart, fetchSqlBodies, sqlBodyDependencies } from "./dependency-sql-bodies.js";
import { splitQualifiedName } from "./dependency-sql-names.js";

/**
 * The graph "from needs to" between objects of the catalog, from `pg_depend` plus what PostgreSQL does not record
 * (SQL function bodies given as strings, see `dependency-sql-bodies.ts`). Rules:
 * - Both ends are mapped to the model objects the readers registered for them (`ReadContext.register`): a column
 *   default is its column, an array type its element type, a multirange its range, a table's row type the table, a
 *   view's `_RETURN` rule the view, a constraint trigger's constraint the trigger, a NOT NULL constraint its column
 *   or domain, an index's columns the index. An end nobody registered is dropped with its edge, and so is an edge
 *   whose ends are the same object (a view and its `_RETURN` rule).
 * - A referenced extension member stands for its extension; an edge from a member is the extension's own business.
 * - Internal dependencies (a part on the whole that creates it) are not read at all; auto dependencies are kept,
 *   except a sequence's on the column that owns it (`OWNED BY`): ownership, not need. The column's
 *   `DEFAULT nextval(…)` is the real need, and keeping both would make a cycle.
 * - Every schema-qualified object needs its schema, whether pg_depend still says so or not (a catalog edited by
 *   hand, as PostgREST's test schema does to a function's oid, loses the row): that edge is stated for all of them.
 */
export async function readDependencies(ctx: ReadContext, known: ReadonlySet<ObjectId>, fetched: DependencyRows): Promise<Dependency[]> {
  const [pgDepend, members] = await Promise.all([fetched.edges, fetched.members]);
  const extensions = new Map<number, Map<number, string>>();
  for (const m of members) {
    let byObject = extensions.get(Number(m.classid));
    if (byObject === undefined) extensions.set(Number(m.classid), (byObject = new Map()));
    byObject.set(Number(m.objid), String(m.extname));
  }
  const extensionOf = (classid: unknown, objid: unknown): string | undefined => extensions.get(Number(classid))?.get(Number(objid));
  const edges: Dependency[] = [];
  const { deptypes, ids } = pgDepend;
  for (let i = 0; i < deptypes.length; i++) {
    const classid = ids[i * 6]!;
    const objid = ids[i * 6 + 1]!;
    const refclassid = ids[i * 6 + 3]!;
    const refobjid = ids[i * 6 + 4]!;
    const refobjsubid = ids[i * 6 + 5]!;
    if (extensionOf(classid, objid) !== undefined) continue;
    const from = ctx.objectAt(classid, objid, ids[i * 6 + 2]);
    if (from === undefined) continue;
    const toExtension = extensionOf(refclassid, refobjid);
    const to = toExtension !== undefined ? objectId.extension(toExtension) : ctx.objectAt(refclassid, refobjid, refobjsubid);
    if (to === undefined || from === to) continue;
    if (!known.has(from) || !known.has(to)) continue;
    // OWNED BY: the only auto dependency of a sequence on a column (`sequence.c` refuses other relations).
    if (deptypes[i] === AUTO && kindOf(from) === "sequence" && refclassid === CATALOG.class && refobjsubid > 0) continue;
    edges.push({ from, to });
  }
  return [...edges, ...schemaEdges(known), ...sqlBodyDependencies(ctx, known, edges, await fetched.sqlBodies)];
}

/** pg_depend rows as `dependencies.sql` sends them: a deptype letter and six numbers per edge. */
interface PgDependEdges {
  /** Character codes. */
  readonly deptypes: Uint8Array;
  /** classid, objid, objsubid, refclassid, refobjid, refobjsubid of each edge in turn. */
  readonly ids: Float64Array;
}

const AUTO = "a".charCodeAt(0);

/** `n,1259,16385,0,1259,16384,1;a,…` (no escaping needed: letters and integers only). */
function parsePgDepend(text: string): PgDependEdges {
  let count = text === "" ? 0 : 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 59) count++;
  const deptypes = new Uint8Array(count);
  const ids = new Float64Array(count * 6);
  let edge = 0;
  let field = 0;
  let value = 0;
  let negative = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 59;
    if (c === 44 || c === 59) {
      if (field > 0) ids[edge * 6 + field - 1] = negative ? -value : value;
      field++;
      value = 0;
      negative = false;
      if (c === 59) {
        edge++;
        field = 0;
      }
    } else if (field === 0) deptypes[edge] = c;
    else if (c === 45) negative = true;
    else value = value * 10 + (c - 48);
  }
  return { deptypes, ids };
}

/** The rows the graph is made of, requested before the objects are read: they need nothing the readers return. */
export interface DependencyRows {
  readonly edges: Promise<PgDependEdges>;
  readonly members: Promise<Row[]>;
  readonly sqlBodies: Promise<SqlBody[]>;
}

export function fetchDependencies(ctx: ReadContext): DependencyRows {
  const fetched = {
    edges: ctx.rows("dependencies").then(([r]) => parsePgDepend(r?.edges == null ? "" : String(r.edges))),
    members: ctx.rows("extension-members"),
    sqlBodies: fetchSqlBodies(ctx),
  };
  // Awaited by readDependencies; should a reader fail first, these must not turn into unhandled rejections.
  for (const p of Object.values(fetched) as Promise<unknown>[]) p.catch(() => {});
  return fetched;
}

/** Kinds whose id starts with the object's own schema (parts of a relation need the relation instead). */
const IN_SCHEMA = new Set([
  "collation", "type", "sequence", "table", "index", "view", "materialized-view", "function",
  "text-search-configuration", "text-search-dictionary",
]);

function schemaEdges(known: ReadonlySet<ObjectId>): Dependency[] {
  const edges: Dependency[] = [];
  for (const from of known) {
    const colon = from.indexOf(":");
    if (!IN_SCHEMA.has(from.slice(0, colon))) continue;
    const to = schemaIdOf(from, colon);
    if (to !== undefined && known.has(to)) edges.push({ from, to });
  }
  return edges;
}

/** The id of the schema an id starts with. */
function schemaIdOf(id: ObjectId, colon: number): ObjectId | undefined {
  const dot = id.indexOf(".", colon);
  // A bare first part is printed as is (see `ident`): no need to split and quote it again.
  if (dot !== -1 && !id.includes('"', colon)) return `schema:${id.slice(colon + 1, dot)}`;
  const schema = splitQualifiedName(id.slice(colon + 1, argumentsStart(id)))?.[0];
  return schema === undefined ? undefined : objectId.schema(schema);
}
