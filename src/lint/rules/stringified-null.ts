import { collectNodes } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

/** The string constant an expression is (under any casts: `'NULL'::text`), if it spells NULL; the lower-case JSON literal `'null'` is not counted. */
function stringNull(expr: Node | undefined): Node | undefined {
  let e = expr;
  while (e?.TypeCast) e = (e.TypeCast as Node).arg as Node | undefined;
  const c = e?.A_Const as Node | undefined;
  const text = (c?.sval as Node | undefined)?.sval as string | undefined;
  return text !== undefined && text.trim().toUpperCase() === "NULL" && text !== "null" ? c : undefined;
}

/** Expressions that give a value to store: column and domain DEFAULTs, VALUES items, SET and SELECT-list values. */
function valueExpressions(node: Node): Node[] {
  const found = collectNodes(node, ["Constraint", "AlterTableCmd", "valuesLists", "ResTarget"]);
  return [
    ...found.Constraint.filter((c) => c.contype === "CONSTR_DEFAULT").map((c) => c.raw_expr as Node),
    ...found.AlterTableCmd.filter((c) => c.subtype === "AT_ColumnDefault").map((c) => c.def as Node),
    ...found.valuesLists.flatMap((lists) => (lists as unknown as Node[]).flatMap((l) => ((l.List as Node | undefined)?.items ?? []) as Node[])),
    ...found.ResTarget.map((t) => t.val as Node),
  ];
}

export default defineRule({
  id: "stringified-null",
  severity: "warning",
  docs: {
    summary: "A string literal `'NULL'` given as a value: a column or domain DEFAULT, an inserted row, an UPDATE's SET, a SELECT-list item.",
    why: "`'NULL'` is a four-letter string, not NULL: a text column gets the word NULL, which `IS NULL` does not find, and the value is counted, indexed and displayed as data. Comparisons with `'NULL'` (cleaning such values up) are left alone, and so is the lower-case `'null'`: it is how JSON spells null (`'null'::jsonb`).",
    fix: "Write `NULL` without quotes (or drop the DEFAULT: a column's default is NULL already).",
  },
  statement: ({ node }) =>
    valueExpressions(node)
      .map(stringNull)
      .filter((c): c is Node => c !== undefined)
      .map((c) => ({ message: "'NULL' in quotes is a string, not NULL", at: c.location as number })),
});
