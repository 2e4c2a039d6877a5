/**
 * CHECK expressions (PostgreSQL's normalized text) → the simple facts a generator can honour. A check becomes a list
 * of alternatives (its OR branches), each a conjunction of atoms; parts that are not understood are dropped, and the
 * database, inserting the row, stays the judge of them.
 */
import type { PgParser } from "../sql/parser.js";
import {
  columnName, constant, functionName, list, nodeOf, operatorName, parseExpression, type PgNode, uncast,
} from "./pg-node.js";

export type CompareOp = "<" | "<=" | ">" | ">=";
export type Constant = string | number;

export type Atom =
  | { readonly kind: "compare"; readonly column: string; readonly op: CompareOp; readonly value: Constant }
  | { readonly kind: "in"; readonly column: string; readonly values: readonly Constant[]; readonly negated: boolean }
  | { readonly kind: "null"; readonly column: string; readonly isNull: boolean }
  | { readonly kind: "length"; readonly column: string; readonly op: CompareOp | "="; readonly value: number }
  | {
      readonly kind: "match";
      readonly column: string;
      readonly pattern: string;
      readonly caseInsensitive: boolean;
      readonly negated: boolean;
    }
  /** `lesser < greater` (or `<=`) between two columns of the row. */
  | { readonly kind: "order"; readonly lesser: string; readonly greater: string; readonly strict: boolean }
  | { readonly kind: "json-type"; readonly column: string; readonly type: string }
  | { readonly kind: "json-key"; readonly column: string; readonly key: string };

/** One CHECK: satisfy every atom of any one alternative. */
export interface CheckFacts {
  readonly alternatives: readonly (readonly Atom[])[];
  /** Every part of the expression became an atom: generated rows should never be rejected by it. */
  readonly complete: boolean;
}

/** `now()` and friends compare against the moment the sample runs. */
export const NOW = "now()";

export function checkFacts(parser: PgParser, expression: string): CheckFacts {
  const tree = parseExpression(parser, expression);
  if (tree === undefined) return { alternatives: [], complete: false };
  const state = { complete: true };
  const alternatives = disjunction(tree, state);
  return { alternatives, complete: state.complete && alternatives.length > 0 };
}

/** Cross products of AND-ed alternatives stay this small: one branch per row is all a generator needs. */
const MAX_ALTERNATIVES = 32;

/** The expression in disjunctive normal form, as far as it is understood (`state.complete` says whether wholly). */
function disjunction(node: unknown, state: { complete: boolean }): Atom[][] {
  const [kind, body] = nodeOf(node) ?? [];
  if (kind === "BoolExpr" && body?.boolop === "OR_EXPR") {
    const branches: Atom[][] = [];
    for (const arg of list(body, "args")) {
      const inner = { complete: true };
      const alternatives = disjunction(arg, inner);
      // A branch only partly understood cannot be trusted to satisfy the OR on its own.
      if (inner.complete) branches.push(...alternatives);
    }
    if (branches.length === 0) state.complete = false;
    return branches.slice(0, MAX_ALTERNATIVES);
  }
  if (kind === "BoolExpr" && body?.boolop === "AND_EXPR") {
    let product: Atom[][] = [[]];
    for (const arg of list(body, "args")) {
      const alternatives = disjunction(arg, state);
      if (alternatives.length === 0) continue;
      product = product.flatMap((left) => alternatives.map((right) => [...left, ...right])).slice(0, MAX_ALTERNATIVES);
    }
    return product[0]?.length === 0 ? [] : product;
  }
  const special = kind !== undefined && body !== undefined ? alternativesOf(kind, body) : undefined;
  if (special !== undefined) return special;
  const atoms = atom(kind, body);
  if (atoms === undefined) {
    state.complete = false;
    return [];
  }
  return [atoms];
}

/** Forms that are an OR in disguise: `(a IS NULL) <> (b IS NULL)`, `num_nonnulls(a, b, c) = 1`. */
function alternativesOf(kind: string, body: PgNode): Atom[][] | undefined {
  if (kind !== "A_Expr" || body.kind !== "AEXPR_OP") return undefined;
  const op = operatorName(body);
  const left = nullTest(body.lexpr);
  const right = nullTest(body.rexpr);
  if (left && right && (op === "<>" || op === "=")) {
    const differ = op === "<>";
    return [true, false].map((leftHolds) => {
      const rightHolds = differ ? !leftHolds : leftHolds;
      return [
        { kind: "null", column: left.column, isNull: left.isNull === leftHolds },
        { kind: "null", column: right.column, isNull: right.isNull === rightHolds },
      ];
    });
  }
  const count = nullCount(body.lexpr) ?? nullCount(body.rexpr);
  const value = constant(nullCount(body.lexpr) ? body.rexpr : body.lexpr);
  if (count === undefined || typeof value !== "number" || !["=", ">=", ">"].includes(op)) return undefined;
  const n = count.columns.length;
  const wanted = Math.min(n, (count.nulls ? n - value : value) + (op === ">" && !count.nulls ? 1 : 0));
  if (count.nulls && op !== "=") return undefined;
  const exact = op === "=";
  const rotations = Math.min(n, 8);
  const alternatives: Atom[][] = [];
  for (let r = 0; r < rotations; r++) {
    alternatives.push(count.columns.flatMap((column, i): Atom[] => {
      const filled = (i - r + n) % n < wanted;
      return filled ? [{ kind: "null", column, isNull: false }] : exact ? [{ kind: "null", column, isNull: true }] : [];
    }));
  }
  return alternatives;
}

function nullTest(node: unknown): { column: string; isNull: boolean } | undefined {
  const [kind, body] = nodeOf(node) ?? [];
  if (kind !== "NullTest" || !body) return undefined;
  const column = columnName(body.arg);
  return column === undefined ? undefined : { column, isNull: body.nulltesttype === "IS_NULL" };
}

/** `num_nonnulls(a, b)` / `num_nulls(a, b)` over plain columns. */
function nullCount(node: unknown): { columns: string[]; nulls: boolean } | undefined {
  const [kind, call] = nodeOf(uncast(node)) ?? [];
  if (kind !== "FuncCall" || !call) return undefined;
  const name = functionName(call);
  if (name !== "num_nonnulls" && name !== "num_nulls") return undefined;
  const columns = list(call, "args").map(columnName);
  if (columns.some((c) => c === undefined)) return undefined;
  return { columns: columns as string[], nulls: name === "num_nulls" };
}

const FLIP: Readonly<Record<CompareOp, CompareOp>> = { "<": ">", "<=": ">=", ">": "<", ">=": "<=" };
const LENGTH_FUNCTIONS = new Set(["char_length", "character_length", "length", "octet_length", "cardinality", "array_length"]);
const TEXT_WRAPPERS = new Set(["btrim", "trim", "ltrim", "rtrim", "lower", "upper"]);
const NOW_FUNCTIONS = new Set(["now", "current_timestamp", "statement_timestamp", "transaction_timestamp", "clock_timestamp"]);

function atom(kind: string | undefined, body: PgNode | undefined): Atom[] | undefined {
  if (kind === undefined || body === undefined) return undefined;
  if (kind === "NullTest") {
    const column = columnName(body.arg);
    return column === undefined ? undefined : [{ kind: "null", column, isNull: body.nulltesttype === "IS_NULL" }];
  }
  if (kind === "BooleanTest") {
    const column = columnName(body.arg);
    if (column === undefined) return undefined;
    switch (body.booltesttype) {
      case "IS_TRUE":
      case "IS_NOT_FALSE":
        return [{ kind: "in", column, values: ["true"], negated: false }];
      case "IS_FALSE":
      case "IS_NOT_TRUE":
        return [{ kind: "in", column, values: ["false"], negated: false }];
      case "IS_UNKNOWN":
        return [{ kind: "null", column, isNull: true }];
      default:
        return [{ kind: "null", column, isNull: false }];
    }
  }
  if (kind === "ColumnRef") {
    const column = columnName({ ColumnRef: body });
    return column === undefined ? undefined : [{ kind: "in", column, values: ["true"], negated: false }];
  }
  if (kind === "BoolExpr" && body.boolop === "NOT_EXPR") {
    const [k, b] = nodeOf(list(body, "args")[0]) ?? [];
    const inner = atom(k, b);
    const only = inner?.length === 1 ? inner[0] : undefined;
    if (only?.kind === "in") return [{ ...only, negated: !only.negated }];
    if (only?.kind === "match") return [{ ...only, negated: !only.negated }];
    if (only?.kind === "null") return [{ ...only, isNull: !only.isNull }];
    return undefined;
  }
  if (kind === "A_Expr") return operatorAtom(body);
  return undefined;
}

function operatorAtom(body: PgNode): Atom[] | undefined {
  const op = operatorName(body);
  const exprKind = body.kind;
  if (exprKind === "AEXPR_OP_ANY" || exprKind === "AEXPR_OP_ALL" || exprKind === "AEXPR_IN") {
    const column = lengthTarget(body.lexpr);
    const values = arrayConstants(body.rexpr);
    if (column === undefined || values === undefined) return undefined;
    if (exprKind !== "AEXPR_OP_ALL" && op === "=") return [{ kind: "in", column, values, negated: false }];
    if (exprKind !== "AEXPR_OP_ANY" && op === "<>") return [{ kind: "in", column, values, negated: true }];
    return undefined;
  }
  if (exprKind === "AEXPR_BETWEEN" || exprKind === "AEXPR_NOT_BETWEEN") return undefined;
  if (exprKind !== "AEXPR_OP") return undefined;
  if (op === "~" || op === "~*" || op === "!~" || op === "!~*") {
    const column = columnName(body.lexpr);
    const pattern = constant(body.rexpr);
    if (column === undefined || typeof pattern !== "string") return undefined;
    return [{ kind: "match", column, pattern, caseInsensitive: op.endsWith("*"), negated: op.startsWith("!") }];
  }
  if (op === "?") {
    const column = columnName(body.lexpr);
    const key = constant(body.rexpr);
    return column === undefined || typeof key !== "string" ? undefined : [{ kind: "json-key", column, key }];
  }
  if (!["<", "<=", ">", ">=", "=", "<>"].includes(op)) return undefined;
  return comparison(op as CompareOp | "=" | "<>", body.lexpr, body.rexpr) ??
    comparison(flipped(op as CompareOp | "=" | "<>"), body.rexpr, body.lexpr);
}

function flipped(op: CompareOp | "=" | "<>"): CompareOp | "=" | "<>" {
  return op === "=" || op === "<>" ? op : FLIP[op];
}

/** `left op right` with the column (or a function of it) on the left. */
function comparison(op: CompareOp | "=" | "<>", left: unknown, right: unknown): Atom[] | undefined {
  const column = columnName(left);
  const value = constantOrNow(right);
  if (column !== undefined) {
    const other = columnName(right);
    if (other !== undefined) {
      if (op === "<" || op === "<=") return [{ kind: "order", lesser: column, greater: other, strict: op === "<" }];
      if (op === ">" || op === ">=") return [{ kind: "order", lesser: other, greater: column, strict: op === ">" }];
      return undefined;
    }
    if (value === undefined) return undefined;
    if (op === "=") return [{ kind: "in", column, values: [value], negated: false }];
    if (op === "<>") return [{ kind: "in", column, values: [value], negated: true }];
    return [{ kind: "compare", column, op, value }];
  }
  const [kind, call] = nodeOf(uncast(left)) ?? [];
  if (kind !== "FuncCall" || call === undefined || value === undefined) return undefined;
  const name = functionName(call);
  const args = list(call, "args");
  if (LENGTH_FUNCTIONS.has(name) && typeof value === "number" && op !== "<>") {
    const target = lengthTarget(args[0]);
    return target === undefined ? undefined : [{ kind: "length", column: target, op, value }];
  }
  if ((name === "jsonb_typeof" || name === "json_typeof") && op === "=" && typeof value === "string") {
    const target = columnName(args[0]);
    return target === undefined ? undefined : [{ kind: "json-type", column: target, type: value }];
  }
  if (TEXT_WRAPPERS.has(name) && (op === "=" || op === "<>")) {
    // `btrim(name) <> ''`; `upper(kind) = 'A'` (the constant is already in the case the function gives).
    const target = lengthTarget(left);
    if (target === undefined) return undefined;
    if (op === "<>" && value === "") return [{ kind: "length", column: target, op: ">=", value: 1 }];
    return [{ kind: "in", column: target, values: [value], negated: op === "<>" }];
  }
  return undefined;
}

/** The column under case and blank folding: `btrim(name)` → `name`, `upper((kind)::text)` → `kind`. */
function lengthTarget(node: unknown): string | undefined {
  const direct = columnName(node);
  if (direct !== undefined) return direct;
  const [kind, call] = nodeOf(uncast(node)) ?? [];
  if (kind !== "FuncCall" || call === undefined || !TEXT_WRAPPERS.has(functionName(call))) return undefined;
  return lengthTarget(list(call, "args")[0]);
}

function constantOrNow(node: unknown): Constant | undefined {
  const value = constant(node);
  if (value !== undefined) return value;
  const [kind, body] = nodeOf(uncast(node)) ?? [];
  if (kind === "FuncCall" && body && NOW_FUNCTIONS.has(functionName(body)) && list(body, "args").length === 0) return NOW;
  if (kind === "SQLValueFunction") return NOW;
  return undefined;
}

function arrayConstants(node: unknown): Constant[] | undefined {
  const [kind, body] = nodeOf(uncast(node)) ?? [];
  let items: readonly unknown[];
  if (kind === "A_ArrayExpr" && body) items = list(body, "elements");
  else if (kind === "List" && body) items = list(body, "items");
  else if (Array.isArray(node)) items = node;
  else {
    // `'{a,b}'::text[]`: an array literal.
    const literal = constant(node);
    if (typeof literal !== "string" || !literal.startsWith("{")) return undefined;
    return literal.slice(1, -1).split(",").filter((v) => v !== "").map((v) => v.replace(/^"(.*)"$/, "$1"));
  }
  const values: Constant[] = [];
  for (const item of items) {
    const value = constant(item);
    if (value === undefined) return undefined;
    values.push(value);
  }
  return values;
}

/** Atoms about `value` (a domain's CHECK) moved onto a column. */
export function renameColumn(atoms: readonly Atom[], from: string, to: string): Atom[] {
  const map = (c: string): string => (c === from ? to : c);
  return atoms.map((a) => {
    if (a.kind === "order") return { ...a, lesser: map(a.lesser), greater: map(a.greater) };
    return { ...a, column: map(a.column) };
  });
}

