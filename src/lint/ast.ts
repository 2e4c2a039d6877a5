import type { Node } from "./statements.js";

/** Small readers over libpg-query parse nodes, shared by the rules. */

/** `schema.table` of a RangeVar (unqualified names are in `public`). */
export function rangeVarName(rv: Node | undefined): string {
  if (!rv) return "?";
  return `${(rv.schemaname as string | undefined) ?? "public"}.${rv.relname as string}`;
}

/** The strings of a name list (`[{String:{sval}}]`). */
export function names(list: unknown): string[] {
  return ((list ?? []) as Node[]).map((n) => ((n.String as Node | undefined)?.sval as string | undefined) ?? "").filter((s) => s !== "");
}

/** A type name's last part, lower case: `timestamp`, `int4`, `varchar`, `serial`. */
export function typeName(typeNameNode: Node | undefined): string {
  return names(typeNameNode?.names).at(-1)?.toLowerCase() ?? "";
}

/** A type name's modifiers as numbers (`varchar(10)` → [10]). */
export function typeMods(typeNameNode: Node | undefined): number[] {
  return ((typeNameNode?.typmods ?? []) as Node[]).map((m) => Number((((m.A_Const as Node)?.ival as Node)?.ival as number | undefined) ?? 0));
}

/** Whether the type is an array (`text[]`). */
export const isArrayType = (typeNameNode: Node | undefined): boolean => Array.isArray(typeNameNode?.arrayBounds);

export interface ColumnDefAt {
  /** The table the column is (being) defined on. */
  readonly table: string;
  readonly def: Node;
  /** `create` for CREATE TABLE, `add` for ALTER TABLE … ADD COLUMN. */
  readonly via: "create" | "add";
}

/**
 * Column definitions of a CREATE TABLE or ALTER TABLE … ADD COLUMN. Twenty rules ask for each statement: the answer
 * for the last node is kept (frozen: it is shared).
 */
export function columnDefs(kind: string, node: Node): ColumnDefAt[] {
  if (lastDefs?.node !== node || lastDefs.kind !== kind) lastDefs = { kind, node, defs: Object.freeze(readColumnDefs(kind, node)) as ColumnDefAt[] };
  return lastDefs.defs;
}

let lastDefs: { kind: string; node: Node; defs: ColumnDefAt[] } | undefined;

function readColumnDefs(kind: string, node: Node): ColumnDefAt[] {
  if (kind === "CreateStmt") {
    const table = rangeVarName(node.relation as Node);
    return ((node.tableElts ?? []) as Node[]).flatMap((e) => (e.ColumnDef ? [{ table, def: e.ColumnDef as Node, via: "create" as const }] : []));
  }
  if (kind === "AlterTableStmt") {
    const table = rangeVarName(node.relation as Node);
    return alterCommands(node).flatMap((c) => (c.subtype === "AT_AddColumn" && (c.def as Node)?.ColumnDef ? [{ table, def: (c.def as Node).ColumnDef as Node, via: "add" as const }] : []));
  }
  return [];
}

/**
 * Whether the option `name` is on in a parenthesized option list (`VACUUM (FULL)`, `REINDEX (CONCURRENTLY false)`):
 * present with no value, or with a value PostgreSQL reads as true (`true`, `on`, `1`, in any quoting).
 */
export function optionOn(options: unknown, name: string): boolean {
  return ((options ?? []) as Node[]).some((o) => {
    const d = o.DefElem as Node | undefined;
    if (d?.defname !== name) return false;
    const arg = d.arg as Node | undefined;
    if (!arg) return true;
    if (arg.Integer) return ((arg.Integer as Node).ival ?? 0) !== 0;
    const value = String((arg.String as Node | undefined)?.sval ?? (arg.Boolean as Node | undefined)?.boolval ?? "true").toLowerCase();
    return !["false", "off", "0", "no"].includes(value);
  });
}

/** The subcommands of an ALTER TABLE. */
export function alterCommands(node: Node): Node[] {
  return ((node.cmds ?? []) as Node[]).map((c) => c.AlterTableCmd as Node).filter(Boolean);
}

/** A column definition's constraints (`NOT NULL`, `DEFAULT`, `PRIMARY KEY`, `REFERENCES`, …). */
export function columnConstraints(def: Node): Node[] {
  return ((def.constraints ?? []) as Node[]).map((c) => c.Constraint as Node).filter(Boolean);
}

/** Every node of a subtree with the given name, depth first. */
export function findNodes(tree: unknown, name: string): Node[] {
  return collectNodes(tree, [name])[name]!;
}

/**
 * Every node of a subtree under each of the given names (a field holding an object or an array), depth first: one
 * walk for several names. The walk is a plain loop (no `Object.entries` per node): rules walk every statement.
 */
export function collectNodes<N extends string>(tree: unknown, wanted: readonly N[]): Record<N, Node[]> {
  const found = {} as Record<N, Node[]>;
  for (const name of wanted) found[name] = [];
  const one = wanted.length === 1 ? wanted[0] : undefined;
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (const x of v) if (x !== null && typeof x === "object") visit(x);
      return;
    }
    const o = v as Record<string, unknown>;
    for (const k in o) {
      const x = o[k];
      if (x === null || typeof x !== "object") continue;
      if (one !== undefined ? k === one : Object.hasOwn(found, k)) found[k as N].push(x as Node);
      visit(x);
    }
  };
  if (tree !== null && typeof tree === "object") visit(tree);
  return found;
}
