import { defineRule, type RuleContext } from "../rule.js";

/** The extensions PostgreSQL ships in contrib (13–18), `plpgsql`, and PostGIS with its companion extensions. */
export const DEFAULT_ALLOWED_EXTENSIONS: readonly string[] = [
  "adminpack", "amcheck", "autoinc", "bloom", "bool_plperl", "btree_gin", "btree_gist", "citext", "cube", "dblink", "dict_int", "dict_xsyn",
  "earthdistance", "file_fdw", "fuzzystrmatch", "hstore", "hstore_plperl", "hstore_plpython3u", "insert_username", "intagg", "intarray", "isn",
  "jsonb_plperl", "jsonb_plpython3u", "lo", "ltree", "ltree_plpython3u", "moddatetime", "old_snapshot", "pageinspect", "pg_buffercache",
  "pg_freespacemap", "pg_logicalinspect", "pg_prewarm", "pg_stat_statements", "pg_surgery", "pg_trgm", "pg_visibility", "pg_walinspect",
  "pgcrypto", "pgrowlocks", "pgstattuple", "postgres_fdw", "refint", "seg", "sslinfo", "tablefunc", "tcn", "tsm_system_rows", "tsm_system_time",
  "unaccent", "uuid-ossp", "xml2",
  "plpgsql",
  "postgis", "postgis_raster", "postgis_topology", "postgis_sfcgal", "postgis_tiger_geocoder", "address_standardizer", "address_standardizer_data_us",
];

/** The `allow` option (a list of names), or the default list. */
const allowed = (context: RuleContext): ReadonlySet<string> => {
  const a = context.options.allow;
  return new Set(Array.isArray(a) && a.every((x) => typeof x === "string") ? (a as string[]) : DEFAULT_ALLOWED_EXTENSIONS);
};

export default defineRule({
  id: "extension-allowlist",
  severity: "info",
  docs: {
    summary: "`CREATE EXTENSION` or `CREATE LANGUAGE` of something not on the allow-list (option `allow`; default: the extensions PostgreSQL ships in contrib, `plpgsql`, and PostGIS).",
    why: "An extension runs its own C code in every backend with the server's rights and must be installed on every server (and managed service) the schema goes to; procedural languages such as `plpython3u` and `plperlu` are untrusted: functions in them read and write the server's files and start processes. Each one deserves a deliberate decision, recorded in the allow-list.",
    fix: "Add it to the rule's `allow` list once reviewed (the list replaces the default), or do without it.",
  },
  statement: ({ kind, node }, _state, context) => {
    // CREATE LANGUAGE is parsed as CREATE EXTENSION (languages are packaged as extensions).
    const name = kind === "CreateExtensionStmt" ? (node.extname as string | undefined) : undefined;
    if (!name || allowed(context).has(name)) return [];
    return [{ message: `extension ${name} is not on the allow-list`, object: name }];
  },
});
