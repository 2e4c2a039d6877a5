/**
 * The only module that quotes identifiers and literals. Everything that builds SQL text calls these, so an odd name
 * (`"SPECIAL ""@/\#~_-"`, `تست`, `bıgınt`) is handled in exactly one place.
 */

/** Keywords that PostgreSQL 13–18 will not accept as bare identifiers (`pg_get_keywords()` category ≠ unreserved). */
const NON_UNRESERVED_KEYWORDS: ReadonlySet<string> = new Set([
  "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "between",
  "bigint", "binary", "bit", "boolean", "both", "case", "cast", "char", "character", "check", "coalesce",
  "collate", "collation", "column", "concurrently", "constraint", "create", "cross", "current_catalog",
  "current_date", "current_role", "current_schema", "current_time", "current_timestamp", "current_user", "dec",
  "decimal", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "exists", "extract",
  "false", "fetch", "float", "for", "foreign", "freeze", "from", "full", "grant", "greatest", "group",
  "grouping", "having", "ilike", "in", "initially", "inner", "inout", "int", "integer", "intersect",
  "interval", "into", "is", "isnull", "join", "json", "json_array", "json_arrayagg", "json_exists",
  "json_object", "json_objectagg", "json_query", "json_scalar", "json_serialize", "json_table", "json_value",
  "lateral", "leading", "least", "left", "like", "limit", "localtime", "localtimestamp", "merge_action",
  "national", "natural", "nchar", "none", "normalize", "not", "notnull", "null", "nullif", "numeric", "offset",
  "on", "only", "or", "order", "out", "outer", "overlaps", "overlay", "placing", "position", "precision",
  "primary", "real", "references", "returning", "right", "row", "select", "session_user", "setof", "similar",
  "smallint", "some", "substring", "symmetric", "system_user", "table", "tablesample", "then", "time",
  "timestamp", "to", "trailing", "treat", "trim", "true", "union", "unique", "user", "using", "values",
  "varchar", "variadic", "verbose", "when", "where", "window", "with", "xmlattributes", "xmlconcat",
  "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize",
  "xmltable",
]);

const BARE_IDENTIFIER = /^[a-z_][a-z0-9_$]*$/;

/** Quotes an identifier only when PostgreSQL needs it to, like `quote_ident` (json, a keyword since 16, is quoted). */
export function ident(name: string): string {
  if (BARE_IDENTIFIER.test(name) && !NON_UNRESERVED_KEYWORDS.has(name)) return name;
  return `"${name.replaceAll('"', '""')}"`;
}

/** `schema.name`, each part quoted as needed. */
export function qualified(schema: string, name: string): string {
  return `${ident(schema)}.${ident(name)}`;
}

/** A qualified name given as `{ schema, name }`. */
export function qname(q: { readonly schema: string; readonly name: string }): string {
  return qualified(q.schema, q.name);
}

/** A string literal; uses the E'' form only when the text holds a backslash, as `quote_literal` does. */
export function literal(value: string): string {
  const body = value.replaceAll("'", "''");
  return value.includes("\\") ? `E'${body.replaceAll("\\", "\\\\")}'` : `'${body}'`;
}

/** A literal or NULL. */
export function literalOrNull(value: string | undefined | null): string {
  return value == null ? "NULL" : literal(value);
}

/** A comma-separated list of quoted identifiers. */
export function identList(names: readonly string[]): string {
  return names.map(ident).join(", ");
}

/** A role name in GRANT / OWNER TO position: `PUBLIC` is the keyword, not a role called "PUBLIC". */
export function role(name: string): string {
  return name === "PUBLIC" ? "PUBLIC" : ident(name);
}

/** A dollar-quoted string whose tag does not occur in the text. */
export function dollarQuoted(text: string): string {
  let tag = "$$";
  for (let i = 0; text.includes(tag); i++) tag = `$_${i === 0 ? "" : i}$`;
  return `${tag}${text}${tag}`;
}
