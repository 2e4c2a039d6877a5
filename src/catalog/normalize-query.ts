import type { PgParser } from "../sql/parser.js";
import { skipQuoted } from "./sql-text.js";

/**
 * Column names of every branch of a set operation but the first carry no meaning (the result takes the first
 * branch's names), and PostgreSQL prints them inconsistently: `SELECT a UNION ALL SELECT NULL` is printed with
 * `NULL::integer` in the second branch, and reloading that text gives `NULL::integer AS int4`. Queries in the model
 * keep no alias in those branches, so a view read from its source and the same view reloaded compare equal.
 */
export function mayHaveSetOperation(text: string): boolean {
  return /\b(UNION|INTERSECT|EXCEPT)\b/.test(text);
}

interface Node {
  readonly [key: string]: unknown;
}

export function stripSetOperationAliases(text: string, parser: PgParser): string {
  let tree: unknown;
  try {
    tree = parser.parseSync(text);
  } catch {
    return text;
  }
  const starts: number[] = [];
  visit(tree, (select) => {
    if (select.op === undefined || select.op === "SETOP_NONE") return;
    // Every leaf of the right branch is a non-first branch; of the left one, all leaves but its leftmost.
    collectLeaves(select.rarg as Node | undefined, starts, false);
    collectLeaves(select.larg as Node | undefined, starts, true);
  });
  if (starts.length === 0) return text;
  const bytes = Buffer.from(text, "utf8");
  const ascii = bytes.length === text.length;
  const toIndex = (byteOffset: number): number => (ascii ? byteOffset : bytes.subarray(0, byteOffset).toString("utf8").length);
  // Edit from the end so earlier offsets stay valid.
  let out = text;
  for (const start of [...new Set(starts.map(toIndex))].sort((a, b) => b - a)) {
    const end = targetEnd(out, start);
    const target = out.slice(start, end);
    const alias = /\s+AS\s+(?:"(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)\s*$/.exec(target);
    if (alias) out = out.slice(0, start) + target.slice(0, alias.index) + out.slice(end);
  }
  return out;
}

/** Target-list entries with an alias, of the leaves of a set-operation subtree; `skipFirst` spares the leftmost. */
function collectLeaves(node: Node | undefined, starts: number[], skipFirst: boolean): void {
  if (!node) return;
  const select = (node.SelectStmt ?? node) as Node;
  if (select.op !== undefined && select.op !== "SETOP_NONE") {
    collectLeaves(select.larg as Node | undefined, starts, skipFirst);
    collectLeaves(select.rarg as Node | undefined, starts, false);
    return;
  }
  if (skipFirst) return;
  for (const entry of (select.targetList as Node[] | undefined) ?? []) {
    const target = entry.ResTarget as Node | undefined;
    if (target?.name !== undefined && typeof target.location === "number") starts.push(target.location);
  }
}

function visit(value: unknown, onSelect: (select: Node) => void): void {
  if (Array.isArray(value)) {
    for (const v of value) visit(v, onSelect);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  const node = value as Node;
  if (node.SelectStmt) onSelect(node.SelectStmt as Node);
  for (const v of Object.values(node)) visit(v, onSelect);
}

/** Where a target-list entry starting at `start` ends: the next top-level comma or a clause keyword. */
function targetEnd(text: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const skipped = skipQuoted(text, i);
    if (skipped > i) {
      i = skipped;
      continue;
    }
    const c = text[i]!;
    if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") {
      if (depth === 0) return i;
      depth--;
    } else if (depth === 0 && (c === "," || (/\s/.test(c) && /^\s+(FROM|WHERE|GROUP|HAVING|WINDOW|ORDER|LIMIT|OFFSET|UNION|INTERSECT|EXCEPT)\b/.test(text.slice(i, i + 20))))) {
      return i;
    }
    i++;
  }
  return text.length;
}
