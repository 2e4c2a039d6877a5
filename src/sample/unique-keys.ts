/**
 * UNIQUE and PRIMARY KEY constraints and unique indexes (expression keys like `lower(email)`, partial ones
 * `WHERE deleted_at IS NULL`) as keys over generated rows, so duplicates are drawn again before the database sees
 * them.
 */
import type { Index } from "../catalog/model.js";
import type { PgParser } from "../sql/parser.js";
import { type Atom, checkFacts } from "./check-atoms.js";
import { columnName, functionName, list, nodeOf, parseExpression, referencedColumns, uncast } from "./pg-node.js";

export type RowValues = ReadonlyMap<string, string | null>;

/** A plain column, a case-folded one (`lower(email)`), or an expression over columns (compared as their tuple). */
export type KeyPart =
  | { readonly kind: "column"; readonly column: string; readonly fold: boolean }
  | { readonly kind: "expression"; readonly columns: readonly string[] };

export interface UniqueKey {
  readonly name: string;
  readonly parts: readonly KeyPart[];
  readonly nullsNotDistinct: boolean;
  /** The partial index's condition as atoms (NULL tests and IN lists are evaluated; others are taken as true). */
  readonly predicate?: readonly Atom[];
  /** Only plain columns: a foreign key over all of them needs a parent row of its own per child row. */
  readonly plainColumns?: readonly string[];
}

/**
 * The index as a key; `undefined` when the database alone makes it unique (it includes a column the database
 * fills, such as an identity) or when it cannot be read.
 */
export function uniqueKeyOf(
  parser: PgParser, index: Index, generatedByDatabase: ReadonlySet<string>, caseInsensitive: ReadonlySet<string>,
): UniqueKey | undefined {
  const parts: KeyPart[] = [];
  for (const key of index.keys) {
    if (key.column !== undefined) {
      parts.push({ kind: "column", column: key.column, fold: caseInsensitive.has(key.column) });
      continue;
    }
    const tree = parseExpression(parser, key.expression ?? "");
    if (tree === undefined) return undefined;
    const [kind, call] = nodeOf(uncast(tree)) ?? [];
    const folded = kind === "FuncCall" && call && ["lower", "upper"].includes(functionName(call)) ? columnName(list(call, "args")[0]) : undefined;
    if (folded !== undefined) parts.push({ kind: "column", column: folded, fold: true });
    else parts.push({ kind: "expression", columns: referencedColumns(tree) });
  }
  const columns = parts.flatMap((p) => (p.kind === "column" ? [p.column] : p.columns));
  if (columns.length === 0 || columns.some((c) => generatedByDatabase.has(c))) return undefined;
  const predicate = index.predicate === undefined ? undefined : checkFacts(parser, index.predicate);
  const plain = parts.every((p) => p.kind === "column" && !p.fold);
  return {
    name: index.constraint ?? index.name,
    parts,
    nullsNotDistinct: index.nullsNotDistinct === true,
    ...(predicate?.complete && predicate.alternatives.length === 1 ? { predicate: predicate.alternatives[0]! } : {}),
    ...(plain && index.predicate === undefined ? { plainColumns: columns } : {}),
  };
}

/** The key's value for a row; `undefined` when the row is not in the index or has a NULL that makes it distinct. */
export function keyValue(key: UniqueKey, row: RowValues): string | undefined {
  if (key.predicate && !key.predicate.every((a) => holds(a, row))) return undefined;
  const parts: string[] = [];
  for (const part of key.parts) {
    if (part.kind === "column") {
      const v = row.get(part.column) ?? null;
      if (v === null && !key.nullsNotDistinct) return undefined;
      parts.push(v === null ? "\u0001" : part.fold ? v.toLowerCase() : v);
    } else {
      const values = part.columns.map((c) => row.get(c) ?? null);
      if (values.every((v) => v === null) && !key.nullsNotDistinct) return undefined;
      parts.push(values.map((v) => v ?? "\u0001").join("\u0002"));
    }
  }
  return parts.join("\u0000");
}

function holds(atom: Atom, row: RowValues): boolean {
  switch (atom.kind) {
    case "null": return (row.get(atom.column) === null) === atom.isNull;
    case "in": {
      const v = row.get(atom.column);
      if (v === undefined || v === null) return false;
      return atom.values.some((x) => String(x) === v) !== atom.negated;
    }
    default: return true;
  }
}

/** The keys already taken, per key. */
export class UniqueTracker {
  readonly #seen: Set<string>[];

  constructor(readonly keys: readonly UniqueKey[]) {
    this.#seen = keys.map(() => new Set());
  }

  /** The first key the row would collide on. */
  conflict(row: RowValues): UniqueKey | undefined {
    for (let i = 0; i < this.keys.length; i++) {
      const v = keyValue(this.keys[i]!, row);
      if (v !== undefined && this.#seen[i]!.has(v)) return this.keys[i];
    }
    return undefined;
  }

  add(row: RowValues): void {
    for (let i = 0; i < this.keys.length; i++) {
      const v = keyValue(this.keys[i]!, row);
      if (v !== undefined) this.#seen[i]!.add(v);
    }
  }
}
