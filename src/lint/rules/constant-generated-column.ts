import { columnConstraints, columnDefs, findNodes } from "../ast.js";
import { defineRule } from "../rule.js";
import { blankStrings } from "../rules-support/expression-scan.js";
import { ownColumns } from "../rules-support/columns.js";

/** Whether a deparsed generation expression names one of the table's columns (string literals left out). */
function mentionsColumn(expression: string, columns: readonly string[]): boolean {
  const text = blankStrings(expression);
  const tokens = new Set([...text.matchAll(/"((?:[^"]|"")+)"|([A-Za-z_][A-Za-z0-9_$]*)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!)));
  return columns.some((c) => tokens.has(c));
}

export default defineRule({
  id: "constant-generated-column",
  severity: "info",
  docs: {
    summary: "A generated column whose expression reads no column (`GENERATED ALWAYS AS (42) STORED`).",
    why: "Every row holds the same value: a stored one repeats it on every row for nothing, and a virtual one is a constant dressed up as data. Changing the constant later means dropping and re-adding the column.",
    fix: "A `DEFAULT` (if rows may differ later), a constant in the queries or a view, or drop the column. `ALTER COLUMN … DROP EXPRESSION` turns a stored one into a plain column keeping its values.",
  },
  statement: ({ kind, node }) =>
    columnDefs(kind, node).flatMap((c) =>
      columnConstraints(c.def)
        .filter((k) => k.contype === "CONSTR_GENERATED" && findNodes(k.raw_expr, "ColumnRef").length === 0)
        .map((k) => ({ message: `generated column ${c.def.colname as string} of ${c.table} is a constant: it reads no column`, object: `${c.table}.${c.def.colname as string}`, at: k.location as number })),
    ),
  schema: (catalog) =>
    ownColumns(catalog).flatMap((c) => {
      const g = c.column.generated;
      if (!g || mentionsColumn(g.expression, c.table.columns.map((x) => x.name))) return [];
      return [
        {
          message: `generated column ${c.column.name} of ${c.tableName} is a constant: it reads no column`,
          object: c.object,
          ...(g.kind === "stored" ? { fix: { title: "make it a plain column (values kept)", sql: `${c.alter} DROP EXPRESSION;` } } : {}),
        },
      ];
    }),
});
