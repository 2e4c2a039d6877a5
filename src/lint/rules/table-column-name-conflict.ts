import { columnDefs } from "../ast.js";
import { defineRule } from "../rule.js";
import { ownColumns } from "../rules-support/columns.js";

export default defineRule({
  id: "table-column-name-conflict",
  severity: "info",
  docs: {
    summary: "A column named like its own table (`status.status`, `tag.tag`).",
    why: "In a query `tag` can then be the column or the whole row (PostgreSQL reads a bare table name in a select list as the row: `SELECT tag FROM tag` is the column, but `SELECT t.tag FROM tag t` and `SELECT tag.* …` differ in subtle ways), and readers cannot tell which was meant.",
    fix: "Rename the column to what it holds (`tag.label`, `status.code`).",
  },
  statement: ({ kind, node }) =>
    columnDefs(kind, node)
      .filter((c) => c.def.colname === c.table.slice(c.table.indexOf(".") + 1))
      .map((c) => ({ message: `column ${c.def.colname as string} of ${c.table} has the table's name`, object: `${c.table}.${c.def.colname as string}`, at: c.def.location as number })),
  schema: (catalog) =>
    ownColumns(catalog)
      .filter((c) => c.column.name === c.table.name)
      .map((c) => ({ message: `column ${c.column.name} of ${c.tableName} has the table's name`, object: c.object })),
});
