import type { ReferentialAction, TableConstraint } from "../model.js";
import { normalizeExpression } from "../normalize-expression.js";
import { objectId } from "../object-id.js";
import { CATALOG } from "./catalog-objects.js";
import { type ReadContext, defined, jsonOf, listOf, textOf } from "./context.js";

/** Constraints of every table, keyed by `schema\0table`, each list by name. */
export async function readTableConstraints(ctx: ReadContext): Promise<Map<string, TableConstraint[]>> {
  const byTable = new Map<string, TableConstraint[]>();
  for (const r of await ctx.rows("constraints")) {
    const key = `${String(r.schema)}\u0000${String(r.table_name)}`;
    const list = byTable.get(key) ?? [];
    const constraint = constraintOf(r);
    ctx.register(CATALOG.constraint, r.oid, objectId.constraint({ schema: String(r.schema), name: String(r.table_name) }, constraint.name));
    list.push(constraint);
    byTable.set(key, list);
  }
  for (const list of byTable.values()) list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return byTable;
}

const ACTIONS: Record<string, ReferentialAction> = {
  a: "no action",
  r: "restrict",
  c: "cascade",
  n: "set null",
  d: "set default",
};
const MATCH = { s: "simple", f: "full", p: "partial" } as const;

const flag = (value: unknown): true | undefined => (value === true ? true : undefined);

function constraintOf(r: Record<string, unknown>): TableConstraint {
  const base = {
    name: String(r.name),
    definition: normalizeExpression(String(r.definition)),
    deferrable: flag(r.deferrable),
    initiallyDeferred: flag(r.initially_deferred),
    notValid: r.validated === false ? (true as const) : undefined,
    notEnforced: r.enforced === false ? (true as const) : undefined,
    comment: textOf(r.comment),
  };
  const columns = jsonOf<string[]>(r.columns) ?? [];
  switch (r.type) {
    case "p":
      return defined({ ...base, kind: "primary-key", columns, include: listOf(r.include), index: String(r.index_name) });
    case "u":
      return defined({
        ...base,
        kind: "unique",
        columns,
        include: listOf(r.include),
        nullsNotDistinct: flag(r.nulls_not_distinct),
        index: String(r.index_name),
      });
    case "c":
      return defined({ ...base, kind: "check", expression: normalizeExpression(String(r.expression)), noInherit: flag(r.no_inherit) });
    case "f": {
      const [schema, name] = jsonOf<[string, string]>(r.referenced_table)!;
      return defined({
        ...base,
        kind: "foreign-key",
        columns,
        references: { table: { schema, name }, columns: jsonOf<string[]>(r.referenced_columns) ?? [] },
        match: MATCH[String(r.match_type) as keyof typeof MATCH],
        onUpdate: ACTIONS[String(r.on_update)]!,
        onDelete: ACTIONS[String(r.on_delete)]!,
        onDeleteColumns: listOf(r.on_delete_columns),
      });
    }
    default:
      return defined({ ...base, kind: "exclude", index: String(r.index_name) });
  }
}
