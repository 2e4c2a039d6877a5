import { names } from "../ast.js";
import { defineRule, type Report } from "../rule.js";
import type { Node } from "../statements.js";
import { blankStrings, catalogExpressions, enclosingParen, walkNodes } from "../rules-support/expression-scan.js";

/** `NOT IN (SELECT` as written in a function body kept as text (PL/pgSQL, SQL functions with a string body). */
const WRITTEN = /\bNOT\s+IN\s*\(\s*SELECT\b/i;

/** Whether a deparsed expression holds `NOT (x IN ( SELECT …))`, PostgreSQL's printing of `x NOT IN (SELECT …)`. */
export function deparsedNotIn(definition: string): boolean {
  const text = blankStrings(definition);
  for (const m of text.matchAll(/ IN \( SELECT\b/g)) {
    const open = enclosingParen(text, m.index);
    if (open > 0 && /NOT $/.test(text.slice(Math.max(0, open - 4), open))) return true;
  }
  return false;
}

const MESSAGE = "NOT IN (SELECT …) is empty as soon as the subquery returns one NULL: use NOT EXISTS";

export default defineRule({
  id: "ban-not-in-subquery",
  severity: "warning",
  docs: {
    summary: "`x NOT IN (SELECT …)`, in a migration statement, a view, a policy or a function.",
    why: "If the subquery returns a single NULL, `x NOT IN (…)` is NULL for every row, never true: the query silently returns nothing (a nullable column that gets its first NULL breaks it later, not now). The planner also cannot turn it into an anti-join: with a subquery result too large for memory it re-scans the subquery per row.",
    fix: "`NOT EXISTS (SELECT 1 FROM … WHERE inner.col = outer.x)`, which means what was intended and plans as an anti-join.",
  },
  statement: ({ kind, node }) => {
    const out: Report[] = [];
    for (const { kind: k, node: n } of walkNodes(node)) {
      if (k !== "BoolExpr" || n.boolop !== "NOT_EXPR") continue;
      const link = (((n.args ?? []) as Node[])[0]?.SubLink as Node | undefined) ?? undefined;
      const op = names(link?.operName);
      if (link?.subLinkType === "ANY_SUBLINK" && (op.length === 0 || op.at(-1) === "=")) out.push({ message: MESSAGE, at: link.location as number });
    }
    if (kind === "CreateFunctionStmt") {
      const body = ((node.options ?? []) as Node[]).map((o) => o.DefElem as Node).find((d) => d?.defname === "as");
      const text = names((body?.arg as Node | undefined)?.List ? ((body!.arg as Node).List as Node).items : []).join("\n");
      if (WRITTEN.test(text)) out.push({ message: `function body: ${MESSAGE}` });
    }
    return out;
  },
  schema: (catalog) => [
    ...catalogExpressions(catalog)
      .filter((e) => deparsedNotIn(e.text))
      .map((e) => ({ message: `${e.what}: ${MESSAGE}`, object: e.object })),
    ...catalog.routines
      .filter((r) => (r.sqlStandardBody ? deparsedNotIn(r.body) : WRITTEN.test(r.body)))
      .map((r) => ({ message: `${r.kind} ${r.schema}.${r.name}(${r.identityArguments}): ${MESSAGE}`, object: `${r.schema}.${r.name}(${r.identityArguments})` })),
  ],
});
