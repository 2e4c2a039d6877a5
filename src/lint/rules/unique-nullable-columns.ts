import { ident } from "../../sql/ident.js";
import { alterCommands, columnConstraints, columnDefs, names, rangeVarName } from "../ast.js";
import { defineRule, type Report, type RuleContext } from "../rule.js";
import type { Node } from "../statements.js";

const help = (context: RuleContext): string =>
  context.pgVersion >= 150000
    ? "Make the columns NOT NULL, or declare the constraint UNIQUE NULLS NOT DISTINCT so that NULL counts as one value; leave it when many NULL rows are meant."
    : "Make the columns NOT NULL (UNIQUE NULLS NOT DISTINCT needs PostgreSQL 15), or add a partial unique index on the rows where the column is NULL; leave it when many NULL rows are meant.";

export default defineRule({
  id: "unique-nullable-columns",
  severity: "info",
  docs: {
    summary: "A UNIQUE constraint or unique index over a nullable column, without `NULLS NOT DISTINCT`.",
    why: "NULLs are distinct from each other in a unique index by default: any number of rows may have NULL there, and in a multi-column key one NULL column lets the whole key repeat (`(1, NULL)` twice). When the key is meant to be unique, that is a hole.",
    fix: "Make the columns `NOT NULL`, or (PostgreSQL 15+) `UNIQUE NULLS NOT DISTINCT (…)` so that NULL is one value. Leave it when many NULL rows are intended (an optional unique email).",
  },
  statement: ({ kind, node }, _state, context) => {
    if (kind !== "CreateStmt" && kind !== "AlterTableStmt") return [];
    const table = rangeVarName(node.relation as Node);
    const defs = columnDefs(kind, node);
    const elements = kind === "CreateStmt" ? ((node.tableElts ?? []) as Node[]).map((e) => e.Constraint as Node | undefined).filter((c): c is Node => !!c) : [];
    const notNull = new Set([
      ...elements.filter((c) => c.contype === "CONSTR_PRIMARY" || c.contype === "CONSTR_NOTNULL").flatMap((c) => names(c.keys)),
      ...defs.filter((d) => columnConstraints(d.def).some((c) => c.contype === "CONSTR_NOTNULL" || c.contype === "CONSTR_PRIMARY")).map((d) => d.def.colname as string),
    ]);
    // Only columns defined in this statement: an existing column's nullability is not known here.
    const nullable = new Set(defs.map((d) => d.def.colname as string).filter((c) => !notNull.has(c)));
    const found: Report[] = [];
    const check = (constraint: Node, columns: string[]): void => {
      const open = columns.filter((c) => nullable.has(c));
      if (constraint.contype !== "CONSTR_UNIQUE" || constraint.nulls_not_distinct || open.length === 0) return;
      found.push({ message: `UNIQUE on ${table} (${columns.join(", ")}) allows repeated NULLs in ${open.join(", ")}`, object: table, at: constraint.location as number, help: help(context) });
    };
    for (const d of defs) for (const c of columnConstraints(d.def)) check(c, [d.def.colname as string]);
    for (const c of elements) check(c, names(c.keys));
    if (kind === "AlterTableStmt") {
      for (const cmd of alterCommands(node)) {
        const c = (cmd.def as Node | undefined)?.Constraint as Node | undefined;
        if (cmd.subtype === "AT_AddConstraint" && c) check(c, names(c.keys));
      }
    }
    return found;
  },
  schema: (catalog, context) =>
    catalog.tables.flatMap((t) => {
      if (t.partitionOf) return [];
      const nullable = (columns: readonly string[], predicate?: string): string[] =>
        columns.filter((name) => t.columns.find((c) => c.name === name)?.notNull === false && !predicate?.includes(`${ident(name)} IS NOT NULL`));
      const table = `${t.schema}.${t.name}`;
      const fromConstraints = t.constraints.flatMap((c) => {
        const open = c.kind === "unique" && !c.nullsNotDistinct ? nullable(c.columns) : [];
        return open.length ? [{ message: `UNIQUE constraint ${c.name} on ${table} allows repeated NULLs in ${open.join(", ")}`, object: `${table}.${c.name}`, help: help(context) }] : [];
      });
      const fromIndexes = catalog.indexes
        .filter((i) => i.table.schema === t.schema && i.table.name === t.name && i.unique && !i.constraint && !i.nullsNotDistinct)
        .flatMap((i) => {
          const open = nullable(i.keys.flatMap((k) => (k.column ? [k.column] : [])), i.predicate);
          return open.length ? [{ message: `unique index ${i.schema}.${i.name} on ${table} allows repeated NULLs in ${open.join(", ")}`, object: `${i.schema}.${i.name}`, help: help(context) }] : [];
        });
      return [...fromConstraints, ...fromIndexes];
    }),
});
