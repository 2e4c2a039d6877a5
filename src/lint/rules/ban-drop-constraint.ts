import { alterCommands, rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

export default defineRule({
  id: "ban-drop-constraint",
  severity: "info",
  docs: {
    summary: "`ALTER TABLE … DROP CONSTRAINT` on a table that already exists, unless the same statement adds a constraint of the same name back.",
    why: "A dropped foreign key, CHECK, UNIQUE or primary key stops guarding the data the moment it commits, silently: rows the application relied on being impossible can now be written, and a dropped UNIQUE or primary key also takes its index (and the foreign keys that referenced it, with CASCADE).",
    fix: "Replace rather than drop: add the new constraint first (`NOT VALID`, then `VALIDATE`), or drop and re-add under the same name in one ALTER TABLE. If the rule is really going away, say so with `-- pg-schema-ignore ban-drop-constraint`.",
  },
  statement: ({ kind, node }, state) => {
    if (kind !== "AlterTableStmt") return [];
    const table = rangeVarName(node.relation as Node);
    if (state.createdTables.has(table)) return [];
    const cmds = alterCommands(node);
    const readded = new Set(cmds.filter((c) => c.subtype === "AT_AddConstraint").map((c) => ((c.def as Node).Constraint as Node | undefined)?.conname as string | undefined));
    return cmds
      .filter((c) => c.subtype === "AT_DropConstraint" && !readded.has(c.name as string))
      .map((c) => ({ message: `dropping constraint ${c.name as string} of ${table} stops enforcing it${c.behavior === "DROP_CASCADE" ? " (CASCADE also drops what depends on it)" : ""}`, object: `${table}.${c.name as string}` }));
  },
});
