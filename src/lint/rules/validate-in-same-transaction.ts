import { alterCommands, rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

export default defineRule({
  id: "validate-in-same-transaction",
  severity: "error",
  docs: {
    summary: "`ALTER TABLE … VALIDATE CONSTRAINT` in the same transaction block that added the constraint `NOT VALID`, on a table that already exists.",
    why: "NOT VALID exists so that the strong lock of the ADD (ACCESS EXCLUSIVE for a CHECK, SHARE ROW EXCLUSIVE on both tables for a foreign key) is held only for an instant, and the scan runs later under SHARE UPDATE EXCLUSIVE, which lets reads and writes through. Locks last until the transaction ends, so validating in the same transaction scans the table while the ADD's lock is still held: the same outage as adding the constraint without NOT VALID.",
    fix: "COMMIT after the ADD … NOT VALID and validate in a new transaction (or a later migration).",
  },
  statement: ({ kind, node }, state) => {
    if (kind !== "AlterTableStmt" || state.notValidInTransaction.size === 0) return [];
    const table = rangeVarName(node.relation as Node);
    if (state.createdTables.has(table)) return [];
    return alterCommands(node)
      .filter((c) => c.subtype === "AT_ValidateConstraint" && state.notValidInTransaction.has(`${table}.${c.name as string}`))
      .map((c) => ({ message: `${c.name as string} on ${table} is validated in the transaction that added it NOT VALID: the ADD's lock is held during the scan`, object: `${table}.${c.name as string}` }));
  },
});
