import { names } from "../ast.js";
import { defineRule, type Report } from "../rule.js";
import type { Node } from "../statements.js";
import { blankStrings, catalogExpressions, walkNodes } from "../rules-support/expression-scan.js";

const OPS = new Set(["=", "<>", "!="]);
const isNull = (n: Node | undefined): boolean => (n?.A_Const as Node | undefined)?.isnull === true;

/** `(x = NULL::type)` / `(NULL::type <> x)` as PostgreSQL prints a comparison with NULL. */
export function deparsedNullComparison(definition: string): boolean {
  const text = blankStrings(definition);
  return /\s(=|<>)\s+NULL::/.test(text) || /\(NULL::[^=<>()]*?\s(=|<>)\s/.test(text);
}

export default defineRule({
  id: "null-comparison",
  severity: "error",
  docs: {
    summary: "A comparison with NULL: `x = NULL`, `x <> NULL`, `x != NULL` (in a migration statement, a view, a policy or a CHECK).",
    why: "Any comparison with NULL yields NULL, never true: `WHERE x = NULL` matches no row, `WHERE x <> NULL` none either, a policy with it lets nothing through and a CHECK with it accepts everything.",
    fix: "`x IS NULL` / `x IS NOT NULL`, or `x IS [NOT] DISTINCT FROM y` to compare values that may be NULL.",
  },
  statement: ({ node }) => {
    const out: Report[] = [];
    for (const { kind, node: n } of walkNodes(node)) {
      if (kind !== "A_Expr" || n.kind !== "AEXPR_OP") continue;
      const op = names(n.name);
      if (op.length === 1 && OPS.has(op[0]!) && (isNull(n.lexpr as Node) || isNull(n.rexpr as Node)))
        out.push({ message: `comparison ${op[0]} NULL is never true: use IS ${op[0] === "=" ? "" : "NOT "}NULL`, at: n.location as number });
    }
    return out;
  },
  schema: (catalog) =>
    catalogExpressions(catalog)
      .filter((e) => deparsedNullComparison(e.text))
      .map((e) => ({ message: `${e.what} compares with NULL (= NULL or <> NULL), which is never true: use IS [NOT] NULL`, object: e.object })),
});
