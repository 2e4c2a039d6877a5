import { defineRule } from "../rule.js";
import { catalogNames, namingReports, statementNames, type NamedObject } from "../rules-support/names.js";

/** Objects named in a schema's namespace (pg_class, pg_type, pg_proc): the ones a catalog object of the same name hides. */
const SCHEMA_LEVEL = new Set(["schema", "table", "foreign table", "view", "materialized view", "sequence", "index", "type", "domain", "function", "procedure", "aggregate"]);
const pgPrefixed = (name: string): boolean => name.startsWith("pg_");
const schemaLevel = (objects: readonly NamedObject[]): NamedObject[] => objects.filter((o) => SCHEMA_LEVEL.has(o.kind));

export default defineRule({
  id: "ban-pg-prefix-identifier",
  severity: "warning",
  docs: {
    summary: "A schema, table, view, sequence, index, type or function whose name starts with `pg_`.",
    why: "`pg_` is the system's prefix: schemas named so are refused outright, and a table, view, function or type named like a catalog object is hidden behind it, because `pg_catalog` is searched first unless `search_path` lists it later (a `public.pg_settings` is never what `SELECT * FROM pg_settings` reads). Tools also treat `pg_` names as system objects and skip them.",
    fix: "Rename it without the prefix (`ALTER … RENAME TO …`, catalog only), and update the queries that use it.",
  },
  statement: ({ kind, node }) => namingReports(schemaLevel(statementNames(kind, node)), pgPrefixed, (o) => `${o.kind} ${o.object} is named with the system prefix pg_`),
  schema: (catalog) => namingReports(schemaLevel(catalogNames(catalog)), pgPrefixed, (o) => `${o.kind} ${o.object} is named with the system prefix pg_`),
});
