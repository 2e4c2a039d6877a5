import { columnDefs, typeMods, typeName } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";
import { elementType, ownColumns } from "../rules-support/columns.js";

export default defineRule({
  id: "numeric-with-scale",
  severity: "info",
  docs: {
    summary: "A `numeric(p,s)` (or `numeric(p)`, which is `numeric(p,0)`) column.",
    why: "Every value stored is silently rounded to the scale: an intermediate result (a rate, a share of a split amount) written to it loses its digits without an error, and sums of the stored values drift from the sums of the exact ones. Values over the precision fail instead.",
    fix: "Unconstrained `numeric` with a CHECK on what is really a rule (`CHECK (amount = round(amount, 2))` rejects rather than rounds), or round explicitly where the rounding is wanted. Dropping the typmod (`ALTER COLUMN … TYPE numeric`) does not rewrite the table.",
  },
  statement: ({ kind, node }) =>
    columnDefs(kind, node)
      .filter((c) => typeName(c.def.typeName as Node) === "numeric" && typeMods(c.def.typeName as Node).length > 0)
      .map((c) => {
        const [p, s = 0] = typeMods(c.def.typeName as Node);
        return {
          message: `column ${c.def.colname as string} of ${c.table} is numeric(${p},${s}): values are rounded to ${s} decimal places`,
          object: `${c.table}.${c.def.colname as string}`,
          at: (c.def.typeName as Node).location as number,
        };
      }),
  schema: (catalog) =>
    ownColumns(catalog).flatMap((c) => {
      const m = /^numeric\((\d+),(-?\d+)\)$/.exec(elementType(c.column.type));
      return m ? [{ message: `column ${c.column.name} of ${c.tableName} is numeric(${m[1]},${m[2]}): values are rounded to ${m[2]} decimal places`, object: c.object }] : [];
    }),
});
