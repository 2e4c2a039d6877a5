import { ident } from "../sql/ident.js";
import type { ObjectId, QualifiedName } from "./model.js";

/**
 * Stable string ids for every modelled object, used by dependency edges, diffs and findings. The identity part is
 * SQL-quoted where needed, so ids are unambiguous even for names holding dots or spaces: `table:public."a.b"`.
 */
export type ObjectKind =
  | "schema"
  | "extension"
  | "collation"
  | "type"
  | "sequence"
  | "table"
  | "column"
  | "default"
  | "constraint"
  | "index"
  | "view"
  | "materialized-view"
  | "function"
  | "trigger"
  | "event-trigger"
  | "rule"
  | "policy"
  | "cast"
  | "text-search-configuration"
  | "text-search-dictionary"
  | "foreign-server"
  | "default-privilege";

const parts = (...names: readonly string[]): string => names.map(ident).join(".");

export const objectId = {
  schema: (name: string): ObjectId => `schema:${ident(name)}`,
  extension: (name: string): ObjectId => `extension:${ident(name)}`,
  collation: (q: QualifiedName): ObjectId => `collation:${parts(q.schema, q.name)}`,
  /** Enums, domains, composite and range types share one namespace with tables' row types. */
  type: (q: QualifiedName): ObjectId => `type:${parts(q.schema, q.name)}`,
  sequence: (q: QualifiedName): ObjectId => `sequence:${parts(q.schema, q.name)}`,
  table: (q: QualifiedName): ObjectId => `table:${parts(q.schema, q.name)}`,
  column: (table: QualifiedName, column: string): ObjectId => `column:${parts(table.schema, table.name, column)}`,
  /**
   * A column's DEFAULT, apart from the column: a default that calls a function can then be set after the function
   * exists even when the function reads the table (pg_dump does the same).
   */
  columnDefault: (table: QualifiedName, column: string): ObjectId => `default:${parts(table.schema, table.name, column)}`,
  /** Table constraints and domain constraints (`owner` is the table or domain). */
  constraint: (owner: QualifiedName, name: string): ObjectId => `constraint:${parts(owner.schema, owner.name, name)}`,
  index: (q: QualifiedName): ObjectId => `index:${parts(q.schema, q.name)}`,
  view: (q: QualifiedName): ObjectId => `view:${parts(q.schema, q.name)}`,
  materializedView: (q: QualifiedName): ObjectId => `materialized-view:${parts(q.schema, q.name)}`,
  /** Functions, procedures and aggregates: identified by their identity arguments, as PostgreSQL prints them. */
  routine: (q: QualifiedName, identityArguments: string): ObjectId =>
    `function:${parts(q.schema, q.name)}(${identityArguments})`,
  trigger: (table: QualifiedName, name: string): ObjectId => `trigger:${parts(table.schema, table.name, name)}`,
  eventTrigger: (name: string): ObjectId => `event-trigger:${ident(name)}`,
  rule: (table: QualifiedName, name: string): ObjectId => `rule:${parts(table.schema, table.name, name)}`,
  policy: (table: QualifiedName, name: string): ObjectId => `policy:${parts(table.schema, table.name, name)}`,
  cast: (source: string, target: string): ObjectId => `cast:(${source} AS ${target})`,
  textSearchConfiguration: (q: QualifiedName): ObjectId => `text-search-configuration:${parts(q.schema, q.name)}`,
  textSearchDictionary: (q: QualifiedName): ObjectId => `text-search-dictionary:${parts(q.schema, q.name)}`,
  foreignServer: (name: string): ObjectId => `foreign-server:${ident(name)}`,
  /** One `ALTER DEFAULT PRIVILEGES` entry: the role, the schema (`*` for every schema) and the object type. */
  defaultPrivilege: (role: string, schema: string | undefined, objectType: string): ObjectId =>
    `default-privilege:${ident(role)}.${schema === undefined ? "*" : ident(schema)}.${objectType.replace(" ", "-")}`,
} as const;

/** The kind prefix of an id. */
export function kindOf(id: ObjectId): ObjectKind {
  return id.slice(0, id.indexOf(":")) as ObjectKind;
}
