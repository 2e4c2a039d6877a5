import { loadParser, type PgParser } from "../../sql/parser.js";

/** A name as written in SQL text: `schema` only when qualified. */
export interface WrittenName {
  readonly schema?: string;
  readonly name: string;
}

export interface NamesInSql {
  /** Tables, views, sequences: FROM items, DML targets, `'…'::regclass` literals. */
  readonly relations: readonly WrittenName[];
  readonly functions: readonly WrittenName[];
  readonly types: readonly WrittenName[];
}

let parser: PgParser | undefined;

/** Loads the parser (WebAssembly) once per process. */
export async function loadSqlParser(): Promise<void> {
  parser ??= await loadParser();
}

/**
 * The relations, functions and types a SQL text names, found in its parse tree (PostgreSQL 18 grammar; call
 * `loadSqlParser` first). Undefined when the text does not parse. Unqualified names of the text's own CTEs are not
 * relations. Names are what is written, unresolved: resolving them against a search path is the caller's business.
 */
export function namesInSql(sql: string): NamesInSql | undefined {
  let tree: unknown;
  try {
    if (!parser) throw new Error("call loadSqlParser() before namesInSql()");
    tree = parser.parseSync(sql);
  } catch {
    return undefined;
  }
  const relations: WrittenName[] = [];
  const functions: WrittenName[] = [];
  const types: WrittenName[] = [];
  const cteNames = new Set<string>();
  walk(tree, (key, node) => {
    if (key === "CommonTableExpr" && typeof node.ctename === "string") cteNames.add(node.ctename);
    if (typeof node.relname === "string" && "relpersistence" in node) {
      relations.push(written(typeof node.schemaname === "string" ? [node.schemaname, node.relname] : [node.relname]));
    }
    if (key === "FuncCall") pushName(functions, node.funcname);
    if (Array.isArray(node.names) && "typemod" in node) pushName(types, node.names);
    if (key === "TypeCast") {
      const literal = regclassLiteral(node);
      if (literal !== undefined) relations.push(literal);
    }
  });
  return { relations: relations.filter((r) => r.schema !== undefined || !cteNames.has(r.name)), functions, types };
}

type TreeNode = Record<string, unknown>;

/** Calls `visit` for every object in the tree with the key it sits under (a node's type, or a field name). */
function walk(value: unknown, visit: (key: string, node: TreeNode) => void, key = ""): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, visit, key);
  } else if (value !== null && typeof value === "object") {
    visit(key, value as TreeNode);
    for (const [k, v] of Object.entries(value)) walk(v, visit, k);
  }
}

/** `[schema, name]`, `[name]` (or `[catalog, schema, name]`) from a list of String nodes. */
function stringsOf(list: unknown): string[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const strings = list.map((item) => (item as { String?: { sval?: unknown } }).String?.sval);
  return strings.every((s): s is string => typeof s === "string") ? strings : undefined;
}

function written(parts: readonly string[]): WrittenName {
  const name = parts[parts.length - 1]!;
  return parts.length >= 2 ? { schema: parts[parts.length - 2]!, name } : { name };
}

function pushName(into: WrittenName[], list: unknown): void {
  const parts = stringsOf(list);
  if (parts && parts.length > 0) into.push(written(parts));
}

/** `'schema.name'::regclass`: the literal is a relation name in SQL syntax (quoted parts allowed). */
function regclassLiteral(cast: TreeNode): WrittenName | undefined {
  const typeName = stringsOf((cast.typeName as TreeNode | undefined)?.names);
  if (!typeName || typeName[typeName.length - 1] !== "regclass") return undefined;
  const text = ((cast.arg as TreeNode | undefined)?.A_Const as { sval?: { sval?: unknown } } | undefined)?.sval?.sval;
  if (typeof text !== "string") return undefined;
  const parts = splitQualifiedName(text);
  return parts ? written(parts) : undefined;
}

/** `a.b`, `"A"."b.c"` → its parts, ASCII folded to lower case unless quoted, as `regclass` input does. */
export function splitQualifiedName(text: string): string[] | undefined {
  const parts: string[] = [];
  let i = 0;
  for (;;) {
    if (text[i] === '"') {
      let part = "";
      i++;
      for (;;) {
        if (i >= text.length) return undefined;
        if (text[i] === '"' && text[i + 1] === '"') {
          part += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else {
          part += text[i++];
        }
      }
      parts.push(part);
    } else {
      const m = /^[^."]+/.exec(text.slice(i));
      if (!m) return undefined;
      parts.push(m[0].trim().replace(/[A-Z]+/g, (upper) => upper.toLowerCase()));
      i += m[0].length;
    }
    if (i === text.length) return parts;
    if (text[i] !== ".") return undefined;
    i++;
  }
}
