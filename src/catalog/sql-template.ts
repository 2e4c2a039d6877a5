import { readFileSync } from "node:fs";
import { literal } from "../sql/ident.js";

/**
 * Catalog queries live as `.sql` files next to this module (`queries/<kind>.sql`). Columns that appear in later
 * PostgreSQL versions are written `{{pg15: i.indnullsnotdistinct | false}}`: the first text on 15 and later, the
 * second before. One file serves PostgreSQL 13 to 18.
 */

const cache = new Map<string, string>();

function loadQueryFile(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(new URL(`./queries/${name}.sql`, import.meta.url), "utf8");
    cache.set(name, text);
  }
  return text;
}

const VERSION_SWITCH = /\{\{pg(\d+):((?:[^|{}]|\{[^{}]*\})*)\|((?:[^|{}]|\{[^{}]*\})*)\}\}/g;

/**
 * `{{acl(<acl expr>, '<acldefault kind char>', <owner oid expr>) as <prefix>}}` expands to two JSON-text columns,
 * `<prefix>` and `<prefix>_default`, read by `read/acl.ts`. Grantee 0 is written PUBLIC.
 */
const ACL_MACRO = /\{\{acl\(([^,]+),\s*('[a-zA-Z]'),\s*([^)]+)\)\s+as\s+(\w+)\}\}/g;

// An empty ACL (every privilege revoked, even the owner's) is `[]`, not NULL: json_agg of no rows is NULL.
const explode = (acl: string): string =>
  `(select case when ${acl} is not null then coalesce(pg_catalog.json_agg(json_build_array(case when acl_item.grantee = 0 then 'PUBLIC' else pg_catalog.pg_get_userbyid(acl_item.grantee) end, ` +
  `pg_catalog.pg_get_userbyid(acl_item.grantor), acl_item.privilege_type, acl_item.is_grantable)), '[]') end from pg_catalog.aclexplode(${acl}) acl_item)::text`;

/**
 * `{{schemas}}`: the inspected schema names, as a subquery for `nspname in {{schemas}}`, from JSON text: the drivers
 * would each encode a JS array their own way. The names are written into the query as a literal when known, `$1`
 * otherwise: postgres.js sends a query with parameters (and no prepared statement) only after a round trip that
 * describes it, and sends nothing behind it meanwhile, so parameters would cost a round trip per catalog query.
 */
const SCHEMAS_MACRO = /\{\{schemas\}\}/g;
const SCHEMAS_PLACEHOLDER = "\u0000inspected_schemas\u0000";
const schemasSubquery = (schemas: readonly string[] | undefined): string =>
  `(select pg_catalog.jsonb_array_elements_text(${schemas === undefined ? "$1::text" : literal(JSON.stringify(schemas))}::pg_catalog.jsonb))`;

/**
 * Resolves the version switches and macros of a query text for a server (`server_version_num`); `schemas` are the
 * inspected schemas (`$1` when absent).
 */
export function forVersion(text: string, versionNum: number, schemas?: readonly string[]): string {
  return (
    text
      // A placeholder until the other macros are resolved (they may hold it), so no name is taken for a macro.
      .replace(SCHEMAS_MACRO, SCHEMAS_PLACEHOLDER)
      .replace(ACL_MACRO, (_m, acl: string, kind: string, owner: string, as: string) => {
        // Most objects have no ACL (NULL = the default): skip the two aggregates for them, they dominate wide queries.
        const guard = (expr: string): string => `case when ${acl.trim()} is null then null else ${expr} end`;
        return `${guard(explode(acl.trim()))} as ${as}, ${guard(explode(`pg_catalog.acldefault(${kind}, ${owner.trim()})`))} as ${as}_default`;
      })
      .replace(VERSION_SWITCH, (_m, major: string, newer: string, older: string) =>
        (versionNum >= Number(major) * 10000 ? newer : older).trim(),
      )
      .replaceAll(SCHEMAS_PLACEHOLDER, () => schemasSubquery(schemas))
  );
}

/** The query `queries/<name>.sql`, resolved for the server version (and the inspected schemas, see `forVersion`). */
export function catalogQuery(name: string, versionNum: number, schemas?: readonly string[]): string {
  return forVersion(loadQueryFile(name), versionNum, schemas);
}
