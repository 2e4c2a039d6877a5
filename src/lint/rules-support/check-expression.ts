import { names } from "../ast.js";
import type { Node } from "../statements.js";

/**
 * CHECK expressions reduced to the conjuncts the check-constraint rules reason about: constants, `c IS [NOT] NULL`
 * and a column compared with a number. Read from a parse tree (migration statements) or from PostgreSQL's own
 * deparsed text (`pg_get_constraintdef`, catalog rules): both give the same list.
 */
export type Atom =
  | { readonly kind: "const"; readonly value: boolean }
  | { readonly kind: "null-test"; readonly column: string; readonly isNull: boolean }
  | { readonly kind: "cmp"; readonly column: string; readonly op: Op; readonly value: number }
  | { readonly kind: "other" };

type Op = "<" | "<=" | ">" | ">=" | "=";
const OPS: ReadonlySet<string> = new Set(["<", "<=", ">", ">=", "="]);
const FLIP: Record<Op, Op> = { "<": ">", "<=": ">=", ">": "<", ">=": "<=", "=": "=" };
const OTHER: Atom = { kind: "other" };

// --- parse trees -------------------------------------------------------------------------------------------------

/** The conjuncts of a CHECK's `raw_expr` (a top-level AND chain, flattened; BETWEEN as two bounds). */
export function atomsOfAst(expr: Node | undefined): Atom[] {
  if (!expr) return [OTHER];
  const bool = expr.BoolExpr as Node | undefined;
  if (bool) return bool.boolop === "AND_EXPR" ? ((bool.args ?? []) as Node[]).flatMap(atomsOfAst) : [OTHER];
  const aconst = expr.A_Const as Node | undefined;
  if (aconst && "boolval" in aconst) return [{ kind: "const", value: ((aconst.boolval as Node).boolval as boolean | undefined) === true }];
  const test = expr.NullTest as Node | undefined;
  if (test) {
    const column = columnOfAst(test.arg as Node);
    return column === undefined ? [OTHER] : [{ kind: "null-test", column, isNull: test.nulltesttype === "IS_NULL" }];
  }
  const op = expr.A_Expr as Node | undefined;
  if (op?.kind === "AEXPR_BETWEEN") {
    const column = columnOfAst(op.lexpr as Node);
    const [lo, hi] = (((op.rexpr as Node)?.List as Node | undefined)?.items ?? []) as Node[];
    const low = numberOfAst(lo);
    const high = numberOfAst(hi);
    if (column === undefined || low === undefined || high === undefined) return [OTHER];
    return [{ kind: "cmp", column, op: ">=", value: low }, { kind: "cmp", column, op: "<=", value: high }];
  }
  if (op?.kind === "AEXPR_OP") {
    const name = names(op.name);
    const sym = name.length === 1 ? name[0]! : "";
    if (!OPS.has(sym)) return [OTHER];
    return [comparison(sym as Op, columnOfAst(op.lexpr as Node), numberOfAst(op.lexpr as Node), columnOfAst(op.rexpr as Node), numberOfAst(op.rexpr as Node))];
  }
  return [OTHER];
}

function columnOfAst(n: Node | undefined): string | undefined {
  const ref = n?.ColumnRef as Node | undefined;
  if (!ref) return undefined;
  const fields = names(ref.fields);
  return fields.length === 1 && ((ref.fields ?? []) as Node[]).length === 1 ? fields[0] : undefined;
}

/** A numeric constant; a quoted one only under a cast to a numeric type (`'5'` alone could be text). */
function numberOfAst(n: Node | undefined, numericCast = false): number | undefined {
  if (!n) return undefined;
  const cast = n.TypeCast as Node | undefined;
  if (cast) return NUMERIC_TYPES.has(names((cast.typeName as Node)?.names).at(-1) ?? "") ? numberOfAst(cast.arg as Node, true) : undefined;
  const c = n.A_Const as Node | undefined;
  if (!c) return undefined;
  if (c.ival) return Number(((c.ival as Node).ival as number | undefined) ?? 0);
  if (c.fval) return finite((c.fval as Node).fval as string);
  if (c.sval && numericCast) return finite((c.sval as Node).sval as string);
  return undefined;
}

const NUMERIC_TYPES: ReadonlySet<string> = new Set(["int2", "int4", "int8", "smallint", "integer", "bigint", "numeric", "decimal", "float4", "float8", "real"]);

// --- deparsed text -----------------------------------------------------------------------------------------------

/**
 * The conjuncts of a CHECK expression as PostgreSQL prints it: `((a > 5) AND (a < 3))`, `(c IS NULL)`, `false`.
 * PostgreSQL adds the casts it applied (`((a)::numeric > 2.5)` for an integer `a`): a cast of a column is looked
 * through only when it is exact for the column's type (`typeOf`, `format_type` text), so that `a` and its cast
 * compare the same values.
 */
export function atomsOfText(text: string, typeOf: (column: string) => string | undefined = () => undefined): Atom[] {
  const tokens = tokenize(text);
  return tokens ? atomsOfTokens(tokens, typeOf) : [OTHER];
}

/** Casts that keep every value and its order exactly (integer widening, integers to numeric, real to double). */
const EXACT_CASTS: Readonly<Record<string, readonly string[]>> = {
  smallint: ["smallint", "integer", "bigint", "numeric", "real", "double precision"],
  integer: ["integer", "bigint", "numeric", "double precision"],
  bigint: ["bigint", "numeric"],
  numeric: ["numeric"],
  real: ["real", "double precision"],
  "double precision": ["double precision"],
};

type Token = { readonly t: "ident" | "string" | "number" | "word" | "punct"; readonly v: string };

function tokenize(s: string): Token[] | undefined {
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (/\s/.test(ch)) i++;
    else if (ch === '"' || ch === "'") {
      let j = i + 1;
      let v = "";
      for (;;) {
        if (j >= s.length) return undefined;
        if (s[j] === ch) {
          if (s[j + 1] === ch) (v += ch), (j += 2);
          else break;
        } else v += s[j++];
      }
      out.push({ t: ch === '"' ? "ident" : "string", v });
      i = j + 1;
    } else if (/[0-9]/.test(ch) || (ch === "." && /[0-9]/.test(s[i + 1] ?? ""))) {
      const m = /^[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?|^[0-9]+\.?/.exec(s.slice(i))!;
      out.push({ t: "number", v: m[0] });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(s.slice(i))!;
      out.push({ t: "word", v: m[0] });
      i += m[0].length;
    } else {
      const m = /^(::|<=|>=|<>|!=|[-+*/%<>=~!@#^&|`?]+|[(),.[\]])/.exec(s.slice(i));
      if (!m) return undefined;
      out.push({ t: "punct", v: m[0] });
      i += m[0].length;
    }
  }
  return out;
}

/** Removes parentheses that wrap the whole list. */
function unwrap(tokens: Token[]): Token[] {
  while (tokens.length >= 2 && tokens[0]!.v === "(" && tokens[0]!.t === "punct" && closing(tokens, 0) === tokens.length - 1) tokens = tokens.slice(1, -1);
  return tokens;
}

function closing(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i]!.t !== "punct") continue;
    if (tokens[i]!.v === "(") depth++;
    else if (tokens[i]!.v === ")" && --depth === 0) return i;
  }
  return -1;
}

/** Splits at depth-0 tokens that match. */
function splitTop(tokens: Token[], at: (t: Token) => boolean): Token[][] {
  const parts: Token[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (t.t === "punct" && t.v === "(") depth++;
    if (t.t === "punct" && t.v === ")") depth--;
    if (depth === 0 && at(t)) parts.push([]);
    else parts.at(-1)!.push(t);
  }
  return parts;
}

const isWord = (t: Token, w: string): boolean => t.t === "word" && t.v.toUpperCase() === w;

function atomsOfTokens(input: Token[], typeOf: (column: string) => string | undefined): Atom[] {
  const tokens = unwrap(input);
  const conjuncts = splitTop(tokens, (t) => isWord(t, "AND"));
  if (conjuncts.length > 1) return conjuncts.flatMap((c) => atomsOfTokens(c, typeOf));
  if (splitTop(tokens, (t) => isWord(t, "OR")).length > 1) return [OTHER];
  if (tokens.length === 1 && tokens[0]!.t === "word" && /^(true|false)$/i.test(tokens[0]!.v)) return [{ kind: "const", value: /^true$/i.test(tokens[0]!.v) }];
  const n = tokens.length;
  if (n >= 3 && isWord(tokens[n - 1]!, "NULL") && isWord(tokens[n - 2]!, "IS")) {
    const column = columnOfTokens(tokens.slice(0, n - 2), typeOf);
    return column === undefined ? [OTHER] : [{ kind: "null-test", column, isNull: true }];
  }
  if (n >= 4 && isWord(tokens[n - 1]!, "NULL") && isWord(tokens[n - 2]!, "NOT") && isWord(tokens[n - 3]!, "IS")) {
    const column = columnOfTokens(tokens.slice(0, n - 3), typeOf);
    return column === undefined ? [OTHER] : [{ kind: "null-test", column, isNull: false }];
  }
  const sides = splitTop(tokens, (t) => t.t === "punct" && OPS.has(t.v));
  if (sides.length !== 2) return [OTHER];
  let depth = 0;
  const op = tokens.find((t) => {
    if (t.t === "punct" && t.v === "(") depth++;
    if (t.t === "punct" && t.v === ")") depth--;
    return depth === 0 && t.t === "punct" && OPS.has(t.v);
  })!.v as Op;
  return [comparison(op, columnOfTokens(sides[0]!, typeOf), numberOfTokens(sides[0]!), columnOfTokens(sides[1]!, typeOf), numberOfTokens(sides[1]!))];
}

/** Drops a trailing `::type` (a cast to a numeric type keeps the order of values) and wrapping parentheses. */
function uncast(tokens: Token[]): { inner: Token[]; numericCast: boolean; cast: boolean; types: string[] } {
  let inner = unwrap(tokens);
  let numericCast = true;
  let cast = false;
  const types: string[] = [];
  for (;;) {
    const parts = splitTop(inner, (t) => t.t === "punct" && t.v === "::");
    if (parts.length !== 2) return { inner, numericCast, cast, types };
    const type = parts[1]!.map((t) => t.v).join(" ").toLowerCase();
    cast = true;
    types.unshift(type);
    if (!/^(smallint|integer|bigint|numeric|real|double precision)$/.test(type)) numericCast = false;
    inner = unwrap(parts[0]!);
  }
}

function columnOfTokens(tokens: Token[], typeOf: (column: string) => string | undefined): string | undefined {
  const { inner, types } = uncast(tokens);
  if (inner.length !== 1) return undefined;
  const t = inner[0]!;
  const column = t.t === "ident" ? t.v : t.t === "word" && !/^(true|false|null)$/i.test(t.v) ? t.v : undefined;
  if (column === undefined || types.length === 0) return column;
  // Each cast, innermost first, must be exact from the type before it.
  let from = typeOf(column)?.replace(/\(.*\)$/, "");
  for (const to of types) {
    if (!from || !(EXACT_CASTS[from] ?? []).includes(to)) return undefined;
    from = to;
  }
  return column;
}

function numberOfTokens(tokens: Token[]): number | undefined {
  const { inner, numericCast, cast } = uncast(tokens);
  if (!numericCast) return undefined;
  if (inner.length === 1 && inner[0]!.t === "number") return finite(inner[0]!.v);
  if (inner.length === 1 && inner[0]!.t === "string" && cast) return finite(inner[0]!.v);
  if (inner.length === 2 && inner[0]!.v === "-" && inner[1]!.t === "number") return finite(`-${inner[1]!.v}`);
  return undefined;
}

// --- shared ------------------------------------------------------------------------------------------------------

function finite(text: string): number | undefined {
  if (!/^\s*[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\s*$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

function comparison(op: Op, lcol: string | undefined, lnum: number | undefined, rcol: string | undefined, rnum: number | undefined): Atom {
  if (lcol !== undefined && rnum !== undefined) return { kind: "cmp", column: lcol, op, value: rnum };
  if (rcol !== undefined && lnum !== undefined) return { kind: "cmp", column: rcol, op: FLIP[op], value: lnum };
  return OTHER;
}

/** Why no row can pass the CHECK (a conjunct is always false, or one column's bounds exclude each other), if so. */
export function unsatisfiable(atoms: readonly Atom[], notNull: (column: string) => boolean): string | undefined {
  for (const a of atoms) {
    if (a.kind === "const" && !a.value) return "it is false";
    if (a.kind === "null-test" && a.isNull && notNull(a.column)) return `${a.column} IS NULL on a NOT NULL column`;
  }
  const columns = new Set(atoms.flatMap((a) => (a.kind === "cmp" ? [a.column] : [])));
  for (const column of columns) {
    let lo: { v: number; strict: boolean } | undefined;
    let hi: { v: number; strict: boolean } | undefined;
    const tighterLo = (v: number, strict: boolean): void => {
      if (!lo || v > lo.v || (v === lo.v && strict)) lo = { v, strict };
    };
    const tighterHi = (v: number, strict: boolean): void => {
      if (!hi || v < hi.v || (v === hi.v && strict)) hi = { v, strict };
    };
    for (const a of atoms) {
      if (a.kind !== "cmp" || a.column !== column) continue;
      if (a.op === ">" || a.op === ">=" || a.op === "=") tighterLo(a.value, a.op === ">");
      if (a.op === "<" || a.op === "<=" || a.op === "=") tighterHi(a.value, a.op === "<");
    }
    if (lo && hi && (lo.v > hi.v || (lo.v === hi.v && (lo.strict || hi.strict)))) return `no value of ${column} is ${lo.strict ? ">" : ">="} ${lo.v} and ${hi.strict ? "<" : "<="} ${hi.v}`;
  }
  return undefined;
}

/** Whether the CHECK always passes: every conjunct is `true` or `c IS NOT NULL` on a NOT NULL column. */
export function tautology(atoms: readonly Atom[], notNull: (column: string) => boolean): boolean {
  return atoms.length > 0 && atoms.every((a) => (a.kind === "const" && a.value) || (a.kind === "null-test" && !a.isNull && notNull(a.column)));
}

// --- statements --------------------------------------------------------------------------------------------------

export interface CheckInStatement {
  /** `schema.table` */
  readonly table: string;
  /** The `Constraint` node. */
  readonly constraint: Node;
  /** Columns this statement declares NOT NULL (or PRIMARY KEY); others are unknown. */
  readonly notNull: (column: string) => boolean;
}

/** CHECK constraints a CREATE TABLE or ALTER TABLE (ADD CONSTRAINT, ADD COLUMN) adds. */
export function checksInStatement(kind: string, node: Node, rangeVarName: (rv: Node) => string): CheckInStatement[] {
  const cons = (list: unknown): Node[] => ((list ?? []) as Node[]).map((c) => c.Constraint as Node).filter(Boolean);
  const isCheck = (c: Node): boolean => c.contype === "CONSTR_CHECK";
  if (kind === "CreateStmt") {
    const table = rangeVarName(node.relation as Node);
    const elements = (node.tableElts ?? []) as Node[];
    const notNull = new Set<string>();
    const checks: Node[] = [];
    for (const e of elements) {
      const def = e.ColumnDef as Node | undefined;
      if (def) {
        const own = cons(def.constraints);
        if (own.some((c) => c.contype === "CONSTR_NOTNULL" || c.contype === "CONSTR_PRIMARY")) notNull.add(def.colname as string);
        checks.push(...own.filter(isCheck));
      }
      const c = e.Constraint as Node | undefined;
      if (c && (c.contype === "CONSTR_PRIMARY" || c.contype === "CONSTR_NOTNULL")) for (const k of names(c.keys)) notNull.add(k);
      if (c && isCheck(c)) checks.push(c);
    }
    return checks.map((constraint) => ({ table, constraint, notNull: (col) => notNull.has(col) }));
  }
  if (kind === "AlterTableStmt") {
    const table = rangeVarName(node.relation as Node);
    return ((node.cmds ?? []) as Node[])
      .map((c) => c.AlterTableCmd as Node)
      .filter(Boolean)
      .flatMap((cmd): CheckInStatement[] => {
        const def = cmd.def as Node | undefined;
        if (cmd.subtype === "AT_AddConstraint" && def?.Constraint && isCheck(def.Constraint as Node)) return [{ table, constraint: def.Constraint as Node, notNull: () => false }];
        const col = def?.ColumnDef as Node | undefined;
        if (cmd.subtype === "AT_AddColumn" && col) {
          const own = cons(col.constraints);
          const nn = own.some((c) => c.contype === "CONSTR_NOTNULL" || c.contype === "CONSTR_PRIMARY");
          return own.filter(isCheck).map((constraint) => ({ table, constraint, notNull: (c) => nn && c === (col.colname as string) }));
        }
        return [];
      });
  }
  return [];
}

/** A column is known NOT NULL in the catalog (a NOT VALID NOT NULL, PostgreSQL 18, proves nothing about old rows). */
export const catalogNotNull =
  (columns: readonly { readonly name: string; readonly notNull: boolean; readonly notNullConstraint?: { readonly notValid?: true } }[]) =>
  (column: string): boolean =>
    columns.some((c) => c.name === column && c.notNull && !c.notNullConstraint?.notValid);
