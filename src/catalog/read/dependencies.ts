import type { Dependency, ObjectId } from "../model.js";
import { objectId } from "../object-id.js";
import { type ReadContext, textOf } from "./context.js";
import { routineIdOf } from "./dependency-routine-id.js";
import { argumentsStart, sqlBodyDependencies } from "./dependency-sql-bodies.js";
import { splitQualifiedName } from "./dependency-sql-names.js";

/**
 * The graph "from needs to" between objects of the catalog, from `pg_depend` plus what PostgreSQL does not record
 * (SQL function bodies given as strings, see `dependency-sql-bodies.ts`). Rules:
 * - Both ends are mapped to model ids (see `queries/dependencies.sql` for the mapping); an end the model does not
 *   know is dropped with its edge, and so is an edge whose ends are the same object (a view and its `_RETURN` rule).
 * - A referenced extension member stands for its extension; an edge from a member is the extension's own business.
 * - Internal dependencies (a part on the whole that creates it) are not read at all; auto dependencies are kept,
 *   except a sequence's on the column that owns it (`OWNED BY`): ownership, not need. The column's
 *   `DEFAULT nextval(…)` is the real need, and keeping both would make a cycle.
 * - Every schema-qualified object needs its schema, whether pg_depend still says so or not (a catalog edited by
 *   hand, as PostgREST's test schema does to a function's oid, loses the row): that edge is stated for all of them.
 */
export async function readDependencies(ctx: ReadContext, known: ReadonlySet<ObjectId>): Promise<Dependency[]> {
  const rows = await ctx.rows("dependencies");
  const edges: Dependency[] = [];
  for (const r of rows) {
    if (r.from_extension != null) continue;
    const from = idOf(r.from_kind, r.from_schema, r.from_name, r.from_sub, r.from_args);
    const to =
      r.to_extension != null
        ? objectId.extension(String(r.to_extension))
        : idOf(r.to_kind, r.to_schema, r.to_name, r.to_sub, r.to_args);
    if (from === undefined || to === undefined || from === to) continue;
    if (!known.has(from) || !known.has(to)) continue;
    if (r.deptype === "a" && r.from_kind === "sequence" && r.to_kind === "column") continue;
    edges.push({ from, to });
  }
  return [...edges, ...schemaEdges(known), ...(await sqlBodyDependencies(ctx, known, edges))];
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
    const schema = splitQualifiedName(from.slice(colon + 1, argumentsStart(from)))?.[0];
    const to = schema === undefined ? undefined : objectId.schema(schema);
    if (to !== undefined && known.has(to)) edges.push({ from, to });
  }
  return edges;
}

/** The model id of one described end (columns named as in `dependencies.sql`). */
function idOf(kind: unknown, schemaValue: unknown, nameValue: unknown, subValue: unknown, args: unknown): ObjectId | undefined {
  const schema = textOf(schemaValue) ?? "";
  const name = textOf(nameValue) ?? "";
  const sub = textOf(subValue) ?? "";
  const q = { schema, name };
  switch (kind) {
    case "schema":
      return objectId.schema(name);
    case "extension":
      return objectId.extension(name);
    case "collation":
      return objectId.collation(q);
    case "type":
      return objectId.type(q);
    case "sequence":
      return objectId.sequence(q);
    case "table":
      return objectId.table(q);
    case "column":
      return objectId.column(q, sub);
    case "constraint":
      return objectId.constraint(q, sub);
    case "index":
      return objectId.index(q);
    case "view":
      return objectId.view(q);
    case "materialized-view":
      return objectId.materializedView(q);
    case "function":
      return routineIdOf(q, args);
    case "trigger":
      return objectId.trigger(q, sub);
    case "event-trigger":
      return objectId.eventTrigger(name);
    case "rule":
      return objectId.rule(q, sub);
    case "policy":
      return objectId.policy(q, sub);
    case "cast":
      return objectId.cast(schema, name);
    case "text-search-configuration":
      return objectId.textSearchConfiguration(q);
    case "text-search-dictionary":
      return objectId.textSearchDictionary(q);
    case "foreign-server":
      return objectId.foreignServer(name);
    default:
      return undefined;
  }
}
