/**
 * Reading libpg-query parse trees of the short expressions the catalog holds (CHECK bodies, index keys and
 * predicates, partition bounds). Nodes are plain JSON `{ NodeName: { …fields } }`; zero and false fields are
 * left out by the parser (`{ ival: {} }` is 0).
 */
import type { PgParser } from "../sql/parser.js";

export type PgNode = Readonly<Record<string, unknown>>;

/** `{ A_Expr: {…} }` → `["A_Expr", {…}]`. */
export function nodeOf(node: unknown): [string, PgNode] | undefined {
  if (typeof node !== "object" || node === null) return undefined;
  const [entry] = Object.entries(node);
  if (!entry || typeof entry[1] !== "object" || entry[1] === null) return undefined;
  return [entry[0], entry[1] as PgNode];
}

export function field(node: PgNode, key: string): PgNode | undefined {
  const v = node[key];
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as PgNode) : undefined;
}

export function list(node: PgNode, key: string): readonly unknown[] {
  const v = node[key];
  return Array.isArray(v) ? v : [];
}

/** The `sval`s of a list of `String` nodes (function and operator names): `["pg_catalog", "lower"]`. */
export function names(items: readonly unknown[]): string[] {
  return items.map((i) => {
    const body = nodeOf(i)?.[1];
    return typeof body?.sval === "string" ? body.sval : "";
  });
}

/** Parses one scalar expression; `undefined` when the parser rejects it. */
export function parseExpression(parser: PgParser, text: string): unknown {
  try {
    const tree = parser.parseSync(`SELECT ${text}`) as { stmts?: { stmt?: PgNode }[] };
    const select = field(tree.stmts?.[0]?.stmt ?? {}, "SelectStmt");
    const target = nodeOf(list(select ?? {}, "targetList")[0]);
    return target?.[1].val;
  } catch {
    return undefined;
  }
}

/** Parses a statement and returns its top node; `undefined` when the parser rejects it. */
export function parseStatement(parser: PgParser, text: string): [string, PgNode] | undefined {
  try {
    const tree = parser.parseSync(text) as { stmts?: { stmt?: PgNode }[] };
    return nodeOf(tree.stmts?.[0]?.stmt);
  } catch {
    return undefined;
  }
}

/** Strips type casts: `(email)::text` → `email`. */
export function uncast(node: unknown): unknown {
  let n = node;
  for (let parsed = nodeOf(n); parsed?.[0] === "TypeCast"; parsed = nodeOf(n)) n = parsed[1].arg;
  return n;
}

/** The column a (possibly cast) column reference names. */
export function columnName(node: unknown): string | undefined {
  const parsed = nodeOf(uncast(node));
  if (parsed?.[0] !== "ColumnRef") return undefined;
  const fields = list(parsed[1], "fields");
  if (fields.length !== 1) return undefined;
  const [kind, body] = nodeOf(fields[0]) ?? [];
  return kind === "String" && typeof body?.sval === "string" ? body.sval : undefined;
}

/** A constant, seen through casts: a number for numeric literals, else its text. */
export function constant(node: unknown): string | number | undefined {
  const parsed = nodeOf(uncast(node));
  if (parsed?.[0] !== "A_Const") return undefined;
  const c = parsed[1];
  if (c.isnull) return undefined;
  const ival = field(c, "ival");
  if (ival) return typeof ival.ival === "number" ? ival.ival : 0;
  const fval = field(c, "fval");
  if (fval) return Number(fval.fval);
  const sval = field(c, "sval");
  if (sval) return typeof sval.sval === "string" ? sval.sval : "";
  const boolval = field(c, "boolval");
  if (boolval) return boolval.boolval === true ? "true" : "false";
  return undefined;
}

/** The function a call names, last part only and lower case: `pg_catalog.char_length(x)` → `char_length`. */
export function functionName(node: PgNode): string {
  return (names(list(node, "funcname")).at(-1) ?? "").toLowerCase();
}

/** The operator of an `A_Expr`, without its schema: `OPERATOR(public.~*)` → `~*`. */
export function operatorName(node: PgNode): string {
  return names(list(node, "name")).at(-1) ?? "";
}

/** Every column a subtree refers to, in order of appearance. */
export function referencedColumns(node: unknown, into: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) referencedColumns(item, into);
    return into;
  }
  if (typeof node !== "object" || node === null) return into;
  const name = columnName(node);
  if (name !== undefined && nodeOf(node)?.[0] === "ColumnRef") {
    if (!into.includes(name)) into.push(name);
    return into;
  }
  for (const value of Object.values(node)) referencedColumns(value, into);
  return into;
}
