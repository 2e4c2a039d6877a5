import { ident, qualified } from "../../sql/ident.js";
import { rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import { atomsOfAst, atomsOfText, catalogNotNull, checksInStatement, tautology } from "../rules-support/check-expression.js";
import type { Node } from "../statements.js";

export default defineRule({
  id: "check-constraint-tautology",
  severity: "info",
  docs: {
    summary: "A CHECK constraint that always passes: `CHECK (true)`, or `c IS NOT NULL` on a column that is NOT NULL already.",
    why: "It checks nothing: dead weight on every write, and misleading to readers. Often the leftover of the `CHECK (c IS NOT NULL) NOT VALID` → `VALIDATE` → `SET NOT NULL` sequence whose last step (dropping the CHECK) was forgotten.",
    fix: "`ALTER TABLE … DROP CONSTRAINT …`.",
  },
  statement: ({ kind, node }) =>
    checksInStatement(kind, node, rangeVarName).flatMap(({ table, constraint, notNull }) => {
      if (!tautology(atomsOfAst(constraint.raw_expr as Node), notNull)) return [];
      const name = (constraint.conname as string | undefined) ?? "";
      return [{ message: `CHECK ${name ? `${name} ` : ""}on ${table} always passes`, object: table, at: constraint.location as number }];
    }),
  schema: (catalog) =>
    catalog.tables.flatMap((t) =>
      t.constraints.flatMap((c) =>
        c.kind === "check" && tautology(atomsOfText(c.expression, (col) => t.columns.find((x) => x.name === col)?.type), catalogNotNull(t.columns))
          ? [
              {
                message: `CHECK ${c.name} on ${t.schema}.${t.name} always passes: ${c.expression}`,
                object: `${t.schema}.${t.name}`,
                fix: { title: "drop the constraint", sql: `ALTER TABLE ${qualified(t.schema, t.name)} DROP CONSTRAINT ${ident(c.name)};` },
              },
            ]
          : [],
      ),
    ),
});
