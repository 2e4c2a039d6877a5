import { ident } from "../../sql/ident.js";
import { defineRule } from "../rule.js";
import { columnDefsOfType, elementType, ownColumns } from "../rules-support/columns.js";

export default defineRule({
  id: "ban-money-type",
  severity: "warning",
  docs: {
    summary: "A column of type `money`.",
    why: "`money` reads and prints according to the server's `lc_monetary` (a restore on a server with another locale misreads the values), has a fixed number of fraction digits, and stores no currency.",
    fix: "`numeric` (or `numeric(p, s)`) for the amount, plus a currency column when more than one currency can occur. Converting rewrites the table.",
  },
  statement: ({ kind, node }) =>
    columnDefsOfType(kind, node, new Set(["money"])).map((c) => ({ message: `column ${c.column} of ${c.table} is money`, object: `${c.table}.${c.column}`, at: c.at })),
  schema: (catalog) =>
    ownColumns(catalog)
      .filter((c) => elementType(c.column.type) === "money")
      .map((c) => ({
        message: `column ${c.column.name} of ${c.tableName} is ${c.column.type}`,
        object: c.object,
        ...(c.column.type === "money" ? { fix: { title: "convert to numeric (rewrites the table)", sql: `${c.alter} TYPE numeric USING ${ident(c.column.name)}::numeric;` } } : {}),
      })),
});
