import type { QualifiedName } from "../catalog/model.js";
import type { Entry, ListName } from "../diff/entries.js";
import { ident, literal, qname } from "../sql/ident.js";

/**
 * Verification queries: each returns one row with one boolean column `ok`, true once the step has taken effect.
 * They read the catalog only, so they are cheap to run after every step and safe to run before one (a runner
 * skips a step whose verification already holds).
 */
const ok = (condition: string): string => `SELECT (${condition}) AS ok;`;
const rel = (q: QualifiedName): string => `to_regclass(${literal(qname(q))})`;
const on = (table: QualifiedName, catalog: string, column: string, name: string): string =>
  `EXISTS (SELECT FROM pg_catalog.${catalog} WHERE ${column} = ${rel(table)} AND ${catalog === "pg_policy" ? "polname" : catalog === "pg_rewrite" ? "rulename" : "tgname"} = ${literal(name)})`;

/** A schema qualifier in printed type names: `public.` or `"My Schema".`. */
const QUALIFIER = /([a-z_][a-z0-9_$]*|"[^"]+")\./;

type ExistsWriter<L extends ListName> = (object: Extract<Entry, { list: L }>["object"]) => string;

const EXISTS: { readonly [L in ListName]: ExistsWriter<L> } = {
  schemas: (s) => `EXISTS (SELECT FROM pg_catalog.pg_namespace WHERE nspname = ${literal(s.name)})`,
  extensions: (e) => `EXISTS (SELECT FROM pg_catalog.pg_extension WHERE extname = ${literal(e.name)})`,
  collations: (c) => `to_regcollation(${literal(qname(c))}) IS NOT NULL`,
  types: (t) => `to_regtype(${literal(qname(t))}) IS NOT NULL`,
  sequences: (s) => `${rel(s)} IS NOT NULL`,
  tables: (t) => `${rel(t)} IS NOT NULL`,
  indexes: (i) => `EXISTS (SELECT FROM pg_catalog.pg_index WHERE indexrelid = ${rel(i)} AND indisvalid)`,
  views: (v) => `${rel(v)} IS NOT NULL`,
  materializedViews: (m) => `${rel(m)} IS NOT NULL`,
  // Argument types print relative to the session's search_path: compare with every schema qualifier taken out.
  routines: (r) =>
    `EXISTS (SELECT FROM pg_catalog.pg_proc WHERE proname = ${literal(r.name)} AND pronamespace = to_regnamespace(${literal(ident(r.schema))}) AND pg_catalog.regexp_replace(pg_catalog.pg_get_function_identity_arguments(oid), ${literal(QUALIFIER.source)}, '', 'g') = ${literal(r.identityArguments.replace(new RegExp(QUALIFIER.source, "g"), ""))})`,
  triggers: (t) => on(t.table, "pg_trigger", "tgrelid", t.name),
  eventTriggers: (t) => `EXISTS (SELECT FROM pg_catalog.pg_event_trigger WHERE evtname = ${literal(t.name)})`,
  rules: (r) => on(r.table, "pg_rewrite", "ev_class", r.name),
  policies: (p) => on(p.table, "pg_policy", "polrelid", p.name),
  casts: (c) =>
    `EXISTS (SELECT FROM pg_catalog.pg_cast WHERE castsource = ${literal(c.source)}::regtype AND casttarget = ${literal(c.target)}::regtype)`,
  textSearchConfigurations: (c) => `to_regnamespace(${literal(ident(c.schema))}) IS NOT NULL AND EXISTS (SELECT FROM pg_catalog.pg_ts_config WHERE cfgname = ${literal(c.name)} AND cfgnamespace = to_regnamespace(${literal(ident(c.schema))}))`,
  textSearchDictionaries: (d) => `to_regnamespace(${literal(ident(d.schema))}) IS NOT NULL AND EXISTS (SELECT FROM pg_catalog.pg_ts_dict WHERE dictname = ${literal(d.name)} AND dictnamespace = to_regnamespace(${literal(ident(d.schema))}))`,
  foreignServers: (s) => `EXISTS (SELECT FROM pg_catalog.pg_foreign_server WHERE srvname = ${literal(s.name)})`,
  defaultPrivileges: (d) =>
    `EXISTS (SELECT FROM pg_catalog.pg_default_acl WHERE defaclrole = ${literal(d.role)}::regrole${d.schema === undefined ? " AND defaclnamespace = 0" : ` AND defaclnamespace = to_regnamespace(${literal(ident(d.schema))})`})`,
};

function existsCondition(entry: Entry): string {
  return (EXISTS[entry.list] as ExistsWriter<ListName>)(entry.object as never);
}

export function verifyExists(entry: Entry): string {
  return ok(existsCondition(entry));
}

export function verifyAbsent(entry: Entry): string {
  // An index "exists" only when valid; absent means no relation of that name at all.
  if (entry.list === "indexes") return ok(`${rel(entry.object)} IS NULL`);
  return ok(`NOT (${existsCondition(entry)})`);
}

/** A column's state in the catalog, for alters of one column. */
export const columnCondition = {
  exists: (table: QualifiedName, column: string): string =>
    `EXISTS (SELECT FROM pg_catalog.pg_attribute WHERE attrelid = ${rel(table)} AND attname = ${literal(column)} AND NOT attisdropped)`,
  /**
   * The column's type, without its modifier: `format_type` prints names relative to the session's search_path,
   * and PostgreSQL before 17 has no function that reads a modifier from text, so `varchar(10)` → `varchar(20)`
   * verifies by the catalog model, not by this query.
   */
  type: (table: QualifiedName, column: string, type: string): string =>
    `EXISTS (SELECT FROM pg_catalog.pg_attribute WHERE attrelid = ${rel(table)} AND attname = ${literal(column)} AND NOT attisdropped AND atttypid = ${literal(type)}::pg_catalog.regtype)`,
  notNull: (table: QualifiedName, column: string, notNull: boolean): string =>
    `EXISTS (SELECT FROM pg_catalog.pg_attribute WHERE attrelid = ${rel(table)} AND attname = ${literal(column)} AND NOT attisdropped AND attnotnull = ${notNull})`,
  hasDefault: (table: QualifiedName, column: string, has: boolean): string =>
    `EXISTS (SELECT FROM pg_catalog.pg_attribute WHERE attrelid = ${rel(table)} AND attname = ${literal(column)} AND NOT attisdropped AND atthasdef = ${has})`,
};

export const constraintCondition = {
  exists: (table: QualifiedName, name: string): string =>
    `EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conrelid = ${rel(table)} AND conname = ${literal(name)})`,
  validated: (table: QualifiedName, name: string): string =>
    `EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conrelid = ${rel(table)} AND conname = ${literal(name)} AND convalidated)`,
};

/** Relations as a whole: present at all (an index `ON ONLY` a partitioned table is invalid until attached), parents, row type. */
export const relationCondition = {
  present: (q: QualifiedName): string => `${rel(q)} IS NOT NULL`,
  inherits: (child: QualifiedName, parent: QualifiedName, yes: boolean): string =>
    `${yes ? "" : "NOT "}EXISTS (SELECT FROM pg_catalog.pg_inherits WHERE inhrelid = ${rel(child)} AND inhparent = ${rel(parent)})`,
  typed: (table: QualifiedName, yes: boolean): string => `${yes ? "" : "NOT "}EXISTS (SELECT FROM pg_catalog.pg_class WHERE oid = ${rel(table)} AND reloftype <> 0)`,
};

export { ok as verifyQuery };
