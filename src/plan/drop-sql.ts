import type { Entry, ListName } from "../diff/entries.js";
import { ident, qname, role } from "../sql/ident.js";

const ROUTINE_KEYWORD = { function: "FUNCTION", window: "FUNCTION", procedure: "PROCEDURE", aggregate: "AGGREGATE" } as const;

const DEFAULT_PRIVILEGE_KEYWORD = {
  tables: "TABLES",
  sequences: "SEQUENCES",
  functions: "FUNCTIONS",
  types: "TYPES",
  schemas: "SCHEMAS",
  "large objects": "LARGE OBJECTS",
} as const;

type DropWriter<L extends ListName> = (object: Extract<Entry, { list: L }>["object"], concurrently: boolean) => string[];

/** The statement that removes one object (and, by PostgreSQL's own rules, what it owns). */
const DROP_WRITERS: { readonly [L in ListName]: DropWriter<L> } = {
  schemas: (s) => [`DROP SCHEMA ${ident(s.name)};`],
  extensions: (e) => [`DROP EXTENSION ${ident(e.name)};`],
  collations: (c) => [`DROP COLLATION ${qname(c)};`],
  types: (t) => [`DROP ${t.kind === "domain" ? "DOMAIN" : "TYPE"} ${qname(t)};`],
  sequences: (s) => [`DROP SEQUENCE ${qname(s)};`],
  tables: (t) => [`DROP ${t.foreign ? "FOREIGN TABLE" : "TABLE"} ${qname(t)};`],
  indexes: (i, concurrently) => [`DROP INDEX ${concurrently ? "CONCURRENTLY " : ""}${qname(i)};`],
  views: (v) => [`DROP VIEW ${qname(v)};`],
  materializedViews: (m) => [`DROP MATERIALIZED VIEW ${qname(m)};`],
  // A zero-argument aggregate is written `agg(*)`.
  routines: (r) => [`DROP ${ROUTINE_KEYWORD[r.kind]} ${qname(r)}(${r.kind === "aggregate" && r.identityArguments === "" ? "*" : r.identityArguments});`],
  triggers: (t) => [`DROP TRIGGER ${ident(t.name)} ON ${qname(t.table)};`],
  eventTriggers: (t) => [`DROP EVENT TRIGGER ${ident(t.name)};`],
  rules: (r) => [`DROP RULE ${ident(r.name)} ON ${qname(r.table)};`],
  policies: (p) => [`DROP POLICY ${ident(p.name)} ON ${qname(p.table)};`],
  casts: (c) => [`DROP CAST (${c.source} AS ${c.target});`],
  textSearchConfigurations: (c) => [`DROP TEXT SEARCH CONFIGURATION ${qname(c)};`],
  textSearchDictionaries: (d) => [`DROP TEXT SEARCH DICTIONARY ${qname(d)};`],
  foreignServers: (s) => [`DROP SERVER ${ident(s.name)};`],
  // An entry goes away when its privileges equal the built-in default: revoke what it grants, give back the default.
  defaultPrivileges: (d) => {
    const prefix = `ALTER DEFAULT PRIVILEGES FOR ROLE ${ident(d.role)}${d.schema === undefined ? "" : ` IN SCHEMA ${ident(d.schema)}`}`;
    const on = DEFAULT_PRIVILEGE_KEYWORD[d.objectType];
    const grantees = [...new Set(d.grants.map((g) => g.grantee))];
    const revokes = grantees.map((g) => `${prefix} REVOKE ALL ON ${on} FROM ${role(g)};`);
    if (d.schema !== undefined) return revokes;
    const builtIn = [`${prefix} GRANT ALL ON ${on} TO ${ident(d.role)};`];
    if (d.objectType === "functions" || d.objectType === "types") builtIn.push(`${prefix} GRANT ${d.objectType === "functions" ? "EXECUTE" : "USAGE"} ON ${on} TO PUBLIC;`);
    return [...revokes, ...builtIn];
  },
};

export function dropSql(entry: Entry, concurrently = false): string[] {
  return (DROP_WRITERS[entry.list] as DropWriter<ListName>)(entry.object as never, concurrently);
}
