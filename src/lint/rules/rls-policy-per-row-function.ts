import { names, rangeVarName } from "../ast.js";
import { defineRule, type Report } from "../rule.js";
import type { Node } from "../statements.js";
import { blankStrings, insideSubquery, walkNodes } from "../rules-support/expression-scan.js";

/** `current_setting(…)` (PostgREST / app settings) or a function of the `auth` schema (Supabase `auth.uid()`, `auth.jwt()`). */
const isPerRowCall = (parts: readonly string[]): boolean =>
  (parts.at(-1)?.toLowerCase() === "current_setting" && (parts.length === 1 || parts[0] === "pg_catalog")) || (parts.length === 2 && parts[0] === "auth");

/** The calls of a deparsed policy expression that are not inside a `( SELECT …)`. */
export function perRowCallsInText(expression: string): string[] {
  const text = blankStrings(expression);
  return [...text.matchAll(/(?<![\w.$"])((?:pg_catalog\.)?current_setting|auth\.[A-Za-z_][\w$]*)\(/g)].filter((m) => !insideSubquery(text, m.index)).map((m) => m[1]!);
}

const help = (calls: readonly string[]): string => `${[...new Set(calls)].map((c) => `${c}()`).join(", ")}`;

export default defineRule({
  id: "rls-policy-per-row-function",
  severity: "warning",
  docs: {
    summary: "A policy that calls `current_setting()` or an `auth.*()` function (Supabase `auth.uid()`, `auth.jwt()`) directly instead of through a scalar sub-select `(SELECT auth.uid())`.",
    why: "A policy is a filter added to every query on the table: a function call in it is evaluated once per row scanned (these functions are STABLE, not constant), which on large tables costs seconds. Wrapped in `(SELECT …)` the planner runs it once per query as an init-plan and compares rows with its result, which can also use an index.",
    fix: "Wrap the call: `USING (user_id = (SELECT auth.uid()))`, `USING (tenant_id = (SELECT current_setting('app.tenant')::bigint))` (`ALTER POLICY … USING (…)`).",
  },
  statement: ({ kind, node }) => {
    if (kind !== "CreatePolicyStmt" && kind !== "AlterPolicyStmt") return [];
    const table = rangeVarName(node.table as Node);
    const calls = [node.qual, node.with_check].flatMap((expr) =>
      walkNodes(expr).filter(({ kind: k, node: n, ancestors }) => k === "FuncCall" && !ancestors.includes("SubLink") && isPerRowCall(names(n.funcname))),
    );
    if (calls.length === 0) return [];
    return [{ message: `policy ${node.policy_name as string} on ${table} calls ${help(calls.map((c) => names(c.node.funcname).join(".")))} for every row: wrap it in (SELECT …)`, object: table, at: calls[0]!.node.location as number }];
  },
  schema: (catalog) =>
    catalog.policies.flatMap((p): Report[] => {
      const calls = [p.using, p.withCheck].flatMap((e) => (e === undefined ? [] : perRowCallsInText(e)));
      const table = `${p.table.schema}.${p.table.name}`;
      return calls.length ? [{ message: `policy ${p.name} on ${table} calls ${help(calls)} for every row: wrap it in (SELECT …)`, object: table }] : [];
    }),
});
