import { alterCommands, names, rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

const MAX = 4;

export default defineRule({
  id: "primary-key-too-wide",
  severity: "info",
  docs: {
    summary: `A primary key over more than ${MAX} columns.`,
    why: "Every foreign key that references the table repeats all its columns, every index on the referencing tables carries them, and joins compare all of them; a key that wide is usually a business key that will change, or a sign the table needs a surrogate key.",
    fix: "A surrogate key (`id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY`) and a `UNIQUE` constraint on the natural columns.",
  },
  statement: ({ kind, node }) => {
    if (kind !== "CreateStmt" && kind !== "AlterTableStmt") return [];
    const table = rangeVarName(node.relation as Node);
    const constraints =
      kind === "CreateStmt"
        ? ((node.tableElts ?? []) as Node[]).map((e) => e.Constraint as Node).filter(Boolean)
        : alterCommands(node).flatMap((c) => (c.subtype === "AT_AddConstraint" && (c.def as Node | undefined)?.Constraint ? [(c.def as Node).Constraint as Node] : []));
    return constraints
      .filter((c) => c.contype === "CONSTR_PRIMARY" && names(c.keys).length > MAX)
      .map((c) => ({ message: `primary key of ${table} has ${names(c.keys).length} columns`, object: table, at: c.location as number }));
  },
  schema: (catalog) =>
    catalog.tables.flatMap((t) =>
      t.constraints.flatMap((c) =>
        c.kind === "primary-key" && c.columns.length > MAX ? [{ message: `primary key ${c.name} of ${t.schema}.${t.name} has ${c.columns.length} columns (${c.columns.join(", ")})`, object: `${t.schema}.${t.name}` }] : [],
      ),
    ),
});
