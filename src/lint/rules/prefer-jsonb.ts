import { ident } from "../../sql/ident.js";
import { defineRule } from "../rule.js";
import { columnDefsOfType, elementType, ownColumns } from "../rules-support/columns.js";

export default defineRule({
  id: "prefer-jsonb",
  severity: "warning",
  docs: {
    summary: "A column of type `json` (rather than `jsonb`).",
    why: "`json` keeps the text as given and re-parses it on every access; it has no equality operator, so `DISTINCT`, `GROUP BY`, `UNION` and unique indexes on it fail, and it has no GIN operator classes.",
    fix: "`jsonb` (converting rewrites the table: `ALTER COLUMN … TYPE jsonb USING col::jsonb`). Keep `json` only when the exact text, key order or duplicate keys must be preserved.",
  },
  statement: ({ kind, node }) =>
    columnDefsOfType(kind, node, new Set(["json"])).map((c) => ({ message: `column ${c.column} of ${c.table} is json`, object: `${c.table}.${c.column}`, at: c.at })),
  schema: (catalog) =>
    ownColumns(catalog)
      .filter((c) => elementType(c.column.type) === "json")
      .map((c) => {
        const target = c.column.type.replace(/^json/, "jsonb");
        return {
          message: `column ${c.column.name} of ${c.tableName} is ${c.column.type}`,
          object: c.object,
          fix: { title: "convert to jsonb (rewrites the table)", sql: `${c.alter} TYPE ${target} USING ${ident(c.column.name)}::${target};` },
        };
      }),
});
