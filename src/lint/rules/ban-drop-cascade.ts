import { alterCommands, rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import { droppedObjects } from "../rules-support/earlier-statements.js";
import type { Node } from "../statements.js";

const TABLE_KINDS: ReadonlySet<string> = new Set(["OBJECT_TABLE", "OBJECT_VIEW", "OBJECT_MATVIEW", "OBJECT_FOREIGN_TABLE"]);

export default defineRule({
  id: "ban-drop-cascade",
  severity: "warning",
  docs: {
    summary: "`DROP … CASCADE` (table, view, type, function, extension, schema, …) and `ALTER TABLE … DROP COLUMN | CONSTRAINT … CASCADE`.",
    why: "CASCADE silently drops whatever depends on the object too: views over a table or column, foreign keys pointing at it, column defaults and columns using a type or function. None of them is named in the migration, so the review cannot see them go. Without CASCADE, PostgreSQL refuses and lists the dependents.",
    fix: "Drop without CASCADE (RESTRICT is the default), read the dependents PostgreSQL lists, and drop or change each of them explicitly first.",
  },
  statement: ({ kind, node }, state) => {
    if (kind === "DropStmt" && node.behavior === "DROP_CASCADE") {
      const type = node.removeType as string;
      const what = type === "OBJECT_MATVIEW" ? "materialized view" : type.replace(/^OBJECT_/, "").toLowerCase().replace(/_/g, " ");
      if (TABLE_KINDS.has(type) && droppedObjects(node).every((t) => state.createdTables.has(t))) return [];
      return [{ message: `DROP ${what.toUpperCase()} … CASCADE also drops every object that depends on it, unnamed` }];
    }
    if (kind === "AlterTableStmt") {
      const table = rangeVarName(node.relation as Node);
      if (state.createdTables.has(table)) return [];
      return alterCommands(node)
        .filter((c) => (c.subtype === "AT_DropColumn" || c.subtype === "AT_DropConstraint") && c.behavior === "DROP_CASCADE")
        .map((c) => ({
          message: `dropping ${c.subtype === "AT_DropColumn" ? "column" : "constraint"} ${c.name as string} of ${table} with CASCADE also drops what depends on it (views, foreign keys, indexes)`,
          object: `${table}.${c.name as string}`,
        }));
    }
    return [];
  },
});
