import { rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import { atomsOfAst, atomsOfText, catalogNotNull, checksInStatement, unsatisfiable } from "../rules-support/check-expression.js";
import type { Node } from "../statements.js";

export default defineRule({
  id: "check-constraint-unsatisfiable",
  severity: "error",
  docs: {
    summary: "A CHECK constraint no row with a value can pass: `CHECK (false)`, `c IS NULL` on a NOT NULL column, or bounds on one column that exclude each other (`a > 5 AND a < 3`).",
    why: "Every insert (and every update of the row) fails the constraint: the table is unusable, usually from a typo in a bound or a flipped operator. Only the simple forms are recognised: a top-level AND of constants, null tests and comparisons of a column with a number. `NO INHERIT` constraints (the classic `CHECK (false) NO INHERIT` on an inheritance parent, to keep rows out of it) and `NOT ENFORCED` ones are left alone.",
    fix: "Correct the expression (`ALTER TABLE … DROP CONSTRAINT …`, then add the intended one).",
  },
  statement: ({ kind, node }) =>
    checksInStatement(kind, node, rangeVarName).flatMap(({ table, constraint, notNull }) => {
      if (constraint.is_no_inherit || constraint.is_enforced !== true) return [];
      const why = unsatisfiable(atomsOfAst(constraint.raw_expr as Node), notNull);
      const name = (constraint.conname as string | undefined) ?? "";
      return why ? [{ message: `CHECK ${name ? `${name} ` : ""}on ${table} can never pass: ${why}`, object: table, at: constraint.location as number }] : [];
    }),
  schema: (catalog) =>
    catalog.tables.flatMap((t) =>
      t.constraints.flatMap((c) => {
        if (c.kind !== "check" || c.noInherit || c.notEnforced) return [];
        const why = unsatisfiable(atomsOfText(c.expression, (col) => t.columns.find((x) => x.name === col)?.type), catalogNotNull(t.columns));
        return why ? [{ message: `CHECK ${c.name} on ${t.schema}.${t.name} can never pass: ${why}`, object: `${t.schema}.${t.name}` }] : [];
      }),
    ),
});
