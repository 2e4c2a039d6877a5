import { alterCommands, rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import { earlierStatements } from "../rules-support/earlier-statements.js";
import type { Node, Statement } from "../statements.js";

const history = earlierStatements();

/** Whether `earlier` leaves a validated CHECK on `table`: added without NOT VALID, or NOT VALID and then validated (and not dropped since). */
function validatedCheck(earlier: readonly Statement[], table: string): boolean {
  const checks = new Map<string, boolean>();
  let anonymous = false;
  for (const { kind, node } of earlier) {
    if (kind !== "AlterTableStmt" || rangeVarName(node.relation as Node) !== table) continue;
    for (const c of alterCommands(node)) {
      const con = (c.def as Node | undefined)?.Constraint as Node | undefined;
      if (c.subtype === "AT_AddConstraint" && con?.contype === "CONSTR_CHECK") {
        if (con.conname) checks.set(con.conname as string, con.skip_validation !== true);
        else if (con.skip_validation !== true) anonymous = true;
      } else if (c.subtype === "AT_ValidateConstraint" && checks.has(c.name as string)) checks.set(c.name as string, true);
      else if (c.subtype === "AT_DropConstraint") checks.delete(c.name as string);
    }
  }
  return anonymous || [...checks.values()].some(Boolean);
}

export default defineRule({
  id: "attach-partition-without-check",
  severity: "warning",
  docs: {
    summary: "`ALTER TABLE … ATTACH PARTITION` of a table that this migration did not create, with no validated CHECK added to it earlier in the migration.",
    why: "Attaching scans the whole table to prove every row fits the partition bound (and scans the default partition, if there is one, for rows that belong to the new partition), holding an ACCESS EXCLUSIVE lock on the table (and SHARE UPDATE EXCLUSIVE on the parent) throughout. A valid CHECK constraint that implies the bound lets PostgreSQL skip the scan. The rule cannot see constraints made before this migration, nor prove a CHECK implies the bound: it accepts any validated CHECK the migration added to the table.",
    fix: "`ALTER TABLE part ADD CONSTRAINT part_bound CHECK (<the bound as a condition, with IS NOT NULL>) NOT VALID;` then `VALIDATE CONSTRAINT part_bound` (SHARE UPDATE EXCLUSIVE, lets writes through), then attach, then drop the CHECK.",
  },
  statement: (statement, state) => {
    const earlier = history(statement);
    const { kind, node } = statement;
    if (kind !== "AlterTableStmt" || node.objtype === "OBJECT_INDEX") return [];
    const parent = rangeVarName(node.relation as Node);
    return alterCommands(node).flatMap((c) => {
      const cmd = (c.def as Node | undefined)?.PartitionCmd as Node | undefined;
      if (c.subtype !== "AT_AttachPartition" || !cmd) return [];
      const part = rangeVarName(cmd.name as Node);
      if (state.createdTables.has(part) || validatedCheck(earlier, part)) return [];
      return [
        {
          message: `attaching ${part} to ${parent} scans all of ${part} under an ACCESS EXCLUSIVE lock, unless a valid CHECK already implies the bound`,
          object: part,
          at: (cmd.name as Node).location as number,
        },
      ];
    });
  },
});
