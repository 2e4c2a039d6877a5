import type { Node } from "../statements.js";

/** Helpers for the expression rules of batch F (null-comparison, ban-not-in-subquery, rls-policy-per-row-function…). */

/** One parse node met in a walk: its kind (`A_Expr`, `FuncCall`…), its fields, and the kinds of the nodes above it. */
export interface Visited {
  readonly kind: string;
  readonly node: Node;
  readonly ancestors: readonly string[];
}

/** Every parse node under `tree` (depth first) with the kinds of its ancestors: `SubLink` above a call means a subquery. */
export function walkNodes(tree: unknown): Visited[] {
  const out: Visited[] = [];
  // A plain loop (no Object.entries, no regex per key): several rules walk every expression of every statement.
  const visit = (v: object, ancestors: string[]): void => {
    if (Array.isArray(v)) {
      for (const x of v) if (x !== null && typeof x === "object") visit(x, ancestors);
      return;
    }
    const o = v as Record<string, unknown>;
    for (const k in o) {
      const x = o[k];
      if (x === null || typeof x !== "object") continue;
      const c = k.charCodeAt(0);
      if (c >= 65 && c <= 90 && !Array.isArray(x)) {
        out.push({ kind: k, node: x as Node, ancestors });
        visit(x, [...ancestors, k]);
      } else visit(x, ancestors);
    }
  };
  if (tree !== null && typeof tree === "object") visit(tree, []);
  return out;
}

/** A deparsed text with its string literals blanked (same length), so patterns never match inside them. */
export function blankStrings(text: string): string {
  return text.replace(/'(?:[^']|'')*'/g, (s) => `'${" ".repeat(Math.max(0, s.length - 2))}'`);
}

/**
 * Whether position `at` of a deparsed expression lies inside a scalar subquery, `( SELECT …)`: PostgreSQL prints
 * sub-selects with a space after the parenthesis.
 */
export function insideSubquery(text: string, at: number): boolean {
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch === ")") depth++;
    else if (ch === "(") {
      if (depth === 0) {
        if (/^\(\s*SELECT\b/i.test(text.slice(i, i + 12))) return true;
      } else depth--;
    }
  }
  return false;
}

/** The position of the `(` that opens the parenthesised group `at` is in (-1 when none). */
export function enclosingParen(text: string, at: number): number {
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch === ")") depth++;
    else if (ch === "(") {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** The expressions a schema holds that are compared and filtered at run time: views, materialized views, policies, CHECKs. */
export function catalogExpressions(catalog: import("../../catalog/model.js").Catalog): { what: string; object: string; text: string }[] {
  return [
    ...catalog.views.map((v) => ({ what: `view ${v.schema}.${v.name}`, object: `${v.schema}.${v.name}`, text: v.definition })),
    ...catalog.materializedViews.map((v) => ({ what: `materialized view ${v.schema}.${v.name}`, object: `${v.schema}.${v.name}`, text: v.definition })),
    ...catalog.policies.flatMap((p) =>
      [p.using, p.withCheck].filter((x): x is string => x !== undefined).map((text) => ({ what: `policy ${p.name} on ${p.table.schema}.${p.table.name}`, object: `${p.table.schema}.${p.table.name}`, text })),
    ),
    ...catalog.tables.flatMap((t) =>
      t.partitionOf ? [] : t.constraints.flatMap((c) => (c.kind === "check" ? [{ what: `CHECK ${c.name} on ${t.schema}.${t.name}`, object: `${t.schema}.${t.name}`, text: c.expression }] : [])),
    ),
  ];
}
