import { alterCommands, rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

export default defineRule({
  id: "constraint-missing-not-valid",
  severity: "warning",
  docs: {
    summary: "`ALTER TABLE … ADD CONSTRAINT … CHECK` on an existing table without `NOT VALID` (foreign keys: adding-foreign-key-constraint).",
    why: "Adding the CHECK scans the whole table while holding an ACCESS EXCLUSIVE lock: reads and writes wait for the scan.",
    fix: "Add it `NOT VALID` (instant), then `ALTER TABLE … VALIDATE CONSTRAINT …` in a later transaction: validation takes SHARE UPDATE EXCLUSIVE and lets writes through.",
    squawk: "constraint-missing-not-valid",
  },
  statement: ({ kind, node, text }, state) => {
    if (kind !== "AlterTableStmt") return [];
    const table = rangeVarName(node.relation as Node);
    if (state.createdTables.has(table)) return [];
    return alterCommands(node).flatMap((c) => {
      const con = (c.def as Node | undefined)?.Constraint as Node | undefined;
      if (c.subtype !== "AT_AddConstraint" || !con || con.contype !== "CONSTR_CHECK" || con.skip_validation) return [];
      const name = (con.conname as string | undefined) ?? "";
      return [
        {
          message: `CHECK ${name} on ${table} is validated while the table is locked`,
          object: table,
          at: con.location as number,
          fix: {
            title: "add NOT VALID, validate later",
            sql: `${text.replace(/;?\s*$/, "")} NOT VALID;\n-- in a later transaction:\nALTER TABLE ${table} VALIDATE CONSTRAINT ${name || "<name>"};`,
          },
        },
      ];
    });
  },
});
