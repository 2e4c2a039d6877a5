import { defineRule } from "../rule.js";
import { columnDefsOfType, elementType, ownColumns } from "../rules-support/columns.js";

export default defineRule({
  id: "ban-timetz",
  severity: "info",
  docs: {
    summary: "A column of type `time with time zone` (`timetz`).",
    why: "An offset without a date means nothing across daylight-saving changes: `09:00+01` is not \"9 am in Paris\" half of the year. PostgreSQL's own docs advise against the type, and it has few useful operators.",
    fix: "`timestamptz` for an instant, or `time` plus a zone name column (`text`, e.g. `Europe/Paris`) for a local time of day.",
  },
  statement: ({ kind, node }) =>
    columnDefsOfType(kind, node, new Set(["timetz"])).map((c) => ({
      message: `column ${c.column} of ${c.table} is time with time zone`,
      object: `${c.table}.${c.column}`,
      at: c.at,
    })),
  schema: (catalog) =>
    ownColumns(catalog)
      .filter((c) => /^time(\(\d+\))? with time zone$/.test(elementType(c.column.type)))
      .map((c) => ({ message: `column ${c.column.name} of ${c.tableName} is ${c.column.type}`, object: c.object })),
});
