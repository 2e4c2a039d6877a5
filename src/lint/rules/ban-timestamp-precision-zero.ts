import { defineRule } from "../rule.js";
import { columnDefsOfType, ownColumns } from "../rules-support/columns.js";
import { typeMods } from "../ast.js";
import type { Node } from "../statements.js";

const ZERO = /^timestamp\(0\)( with(out)? time zone)((\[\])*)$/;

export default defineRule({
  id: "ban-timestamp-precision-zero",
  severity: "info",
  docs: {
    summary: "A `timestamp(0)` or `timestamptz(0)` column.",
    why: "Precision 0 rounds to the nearest second instead of truncating: `now()` stored at 12:00:00.6 reads back as 12:00:01, up to half a second in the future, so \"created before now\" checks and ordering against full-precision values go wrong.",
    fix: "Keep full precision (`timestamptz`) and `date_trunc('second', …)` when reading; widening the precision does not rewrite the table.",
  },
  statement: ({ kind, node }) =>
    columnDefsOfType(kind, node, new Set(["timestamp", "timestamptz"]))
      .filter((c) => typeMods(c.def.typeName as Node)[0] === 0 && typeMods(c.def.typeName as Node).length === 1)
      .map((c) => ({ message: `column ${c.column} of ${c.table} is ${c.type}(0): values are rounded to the second`, object: `${c.table}.${c.column}`, at: c.at })),
  schema: (catalog) =>
    ownColumns(catalog).flatMap((c) => {
      const m = ZERO.exec(c.column.type);
      if (!m) return [];
      return [
        {
          message: `column ${c.column.name} of ${c.tableName} is ${c.column.type}: values are rounded to the second`,
          object: c.object,
          fix: { title: "full precision (no rewrite)", sql: `${c.alter} TYPE timestamp${m[1]}${m[3]};` },
        },
      ];
    }),
});
