import { alterCommands, columnConstraints, rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import { earlierStatements, resolvedName as resolve, searchPathSchema } from "../rules-support/earlier-statements.js";
import type { Node } from "../statements.js";

const history = earlierStatements();

const schemaOf = (qualifiedName: string): string => qualifiedName.slice(0, qualifiedName.indexOf("."));

/** Foreign keys a CREATE TABLE or ALTER TABLE adds (column and table constraints, ADD COLUMN … REFERENCES). */
function foreignKeys(kind: string, node: Node): Node[] {
  const fk = (c: Node): boolean => c.contype === "CONSTR_FOREIGN";
  if (kind === "CreateStmt")
    return ((node.tableElts ?? []) as Node[]).flatMap((e) =>
      e.ColumnDef ? columnConstraints(e.ColumnDef as Node).filter(fk) : e.Constraint && fk(e.Constraint as Node) ? [e.Constraint as Node] : [],
    );
  if (kind === "AlterTableStmt")
    return alterCommands(node).flatMap((c) => {
      const def = c.def as Node | undefined;
      if (c.subtype === "AT_AddConstraint" && def?.Constraint && fk(def.Constraint as Node)) return [def.Constraint as Node];
      if (c.subtype === "AT_AddColumn" && def?.ColumnDef) return columnConstraints(def.ColumnDef as Node).filter(fk);
      return [];
    });
  return [];
}

export default defineRule({
  id: "fk-cross-schema",
  severity: "info",
  docs: {
    summary: "A foreign key that references a table in another schema (unqualified names are taken in the first schema of the file's last `SET search_path`, else `public`).",
    why: "It couples the two schemas' lifecycles: one can no longer be dropped, restored, moved to another database or owned by another team on its own, and `DROP SCHEMA … CASCADE` on the referenced one silently drops the constraint.",
    fix: "Keep tables that reference each other in one schema, or accept the coupling deliberately (and silence the finding there).",
  },
  statement: (statement) => {
    const { kind, node } = statement;
    if (kind !== "CreateStmt" && kind !== "AlterTableStmt") return [];
    const fks = foreignKeys(kind, node);
    if (fks.length === 0) return [];
    const path = searchPathSchema(history(statement));
    const table = resolve(node.relation as Node, path);
    return fks.flatMap((c) => {
      const target = resolve(c.pktable as Node, path);
      return schemaOf(target) === schemaOf(table) ? [] : [{ message: `foreign key from ${table} references ${target} in another schema`, object: table, at: (c.pktable as Node).location as number }];
    });
  },
  schema: (catalog) =>
    catalog.tables.flatMap((t) =>
      t.constraints.flatMap((c) =>
        c.kind === "foreign-key" && c.references.table.schema !== t.schema
          ? [{ message: `foreign key ${c.name} on ${t.schema}.${t.name} references ${c.references.table.schema}.${c.references.table.name} in another schema`, object: `${t.schema}.${t.name}` }]
          : [],
      ),
    ),
});
