import { defineRule } from "../rule.js";
import { columnDefsOfType, elementType, ownColumns } from "../rules-support/columns.js";

/** The reg* types pg_upgrade refuses in user tables (their OIDs are not kept); `regclass`, `regtype` and `regrole` are kept. */
const UNSUPPORTED = new Set(["regproc", "regprocedure", "regoper", "regoperator", "regconfig", "regdictionary", "regnamespace", "regcollation"]);

export default defineRule({
  id: "ban-reg-types",
  severity: "warning",
  docs: {
    summary: "A table or materialized view column of a `reg*` type whose OIDs pg_upgrade cannot carry (`regproc`, `regprocedure`, `regoper`, `regoperator`, `regconfig`, `regdictionary`, `regnamespace`, `regcollation`).",
    why: "These types store OIDs of functions, operators, text search objects, schemas or collations. pg_upgrade does not preserve those OIDs, so it refuses to upgrade a cluster that has such columns; a dump and restore is the only way out.",
    fix: "Store the name (`text`, e.g. `'public.f(integer)'`) and cast when needed, or use `regclass` / `regtype` / `regrole`, whose OIDs pg_upgrade keeps.",
  },
  statement: ({ kind, node }) =>
    columnDefsOfType(kind, node, UNSUPPORTED).map((c) => ({ message: `column ${c.column} of ${c.table} is ${c.type}: pg_upgrade refuses it`, object: `${c.table}.${c.column}`, at: c.at })),
  schema: (catalog) => [
    ...ownColumns(catalog)
      .filter((c) => UNSUPPORTED.has(elementType(c.column.type)))
      .map((c) => ({ message: `column ${c.column.name} of ${c.tableName} is ${c.column.type}: pg_upgrade refuses it`, object: c.object })),
    ...catalog.materializedViews.flatMap((v) =>
      v.columns
        .filter((c) => UNSUPPORTED.has(elementType(c.type)))
        .map((c) => ({ message: `column ${c.name} of materialized view ${v.schema}.${v.name} is ${c.type}: pg_upgrade refuses it`, object: `${v.schema}.${v.name}.${c.name}` })),
    ),
  ],
});
