import { alterCommands, columnConstraints, findNodes, names, rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import { earlierStatements } from "../rules-support/earlier-statements.js";
import type { Node, Statement } from "../statements.js";

const history = earlierStatements();

interface Check {
  readonly columns: ReadonlySet<string>;
  valid: boolean;
}

const columnsOf = (expr: unknown): Set<string> => new Set(findNodes(expr, "ColumnRef").map((r) => names(r.fields).at(-1) ?? ""));

/** The CHECK constraints `earlier` added to `table` (ADD CONSTRAINT, ADD COLUMN … CHECK) and left in place, with the columns they read and whether they are validated. */
function checksAdded(earlier: readonly Statement[], table: string): Map<string, Check> {
  const checks = new Map<string, Check>();
  let unnamed = 0;
  for (const { kind, node } of earlier) {
    if (kind !== "AlterTableStmt" || rangeVarName(node.relation as Node) !== table) continue;
    for (const c of alterCommands(node)) {
      const def = c.def as Node | undefined;
      if (c.subtype === "AT_AddConstraint" && (def?.Constraint as Node | undefined)?.contype === "CONSTR_CHECK") {
        const con = def!.Constraint as Node;
        checks.set((con.conname as string | undefined) ?? `#${unnamed++}`, { columns: columnsOf(con.raw_expr), valid: con.skip_validation !== true });
      } else if (c.subtype === "AT_AddColumn" && def?.ColumnDef) {
        const col = def.ColumnDef as Node;
        for (const con of columnConstraints(col).filter((x) => x.contype === "CONSTR_CHECK")) {
          checks.set((con.conname as string | undefined) ?? `#${unnamed++}`, { columns: new Set([col.colname as string, ...columnsOf(con.raw_expr)]), valid: con.skip_validation !== true });
        }
      } else if (c.subtype === "AT_ValidateConstraint") {
        const check = checks.get(c.name as string);
        if (check) check.valid = true;
      } else if (c.subtype === "AT_DropConstraint") checks.delete(c.name as string);
      else if (c.subtype === "AT_DropColumn") for (const [name, check] of checks) if (check.columns.has(c.name as string)) checks.delete(name);
    }
  }
  return checks;
}

export default defineRule({
  id: "type-change-revalidates-check",
  severity: "warning",
  docs: {
    summary: "`ALTER COLUMN … TYPE` on a column that a validated CHECK constraint reads, when that CHECK was added earlier in the same migration (constraints made before the migration are not visible to a statement rule).",
    why: "Changing a column's type rebuilds the constraints on it, and a validated CHECK is verified again against every row, under the ACCESS EXCLUSIVE lock of the ALTER: even a type change that needs no rewrite (`varchar(20)` → `varchar(50)`, `varchar` → `text`) then reads the whole table while reads and writes wait. A NOT VALID CHECK is rebuilt NOT VALID, without a scan.",
    fix: "Change the type before adding the CHECK; or drop the CHECK, change the type, re-add the CHECK `NOT VALID`, and `VALIDATE CONSTRAINT` it in a later transaction.",
  },
  statement: (statement, state) => {
    const earlier = history(statement);
    const { kind, node } = statement;
    if (kind !== "AlterTableStmt") return [];
    const table = rangeVarName(node.relation as Node);
    if (state.createdTables.has(table)) return [];
    const changed = alterCommands(node).filter((c) => c.subtype === "AT_AlterColumnType");
    if (changed.length === 0) return [];
    const checks = [...checksAdded(earlier, table)].filter(([, c]) => c.valid);
    return changed.flatMap((c) => {
      const column = c.name as string;
      const found = checks.filter(([, check]) => check.columns.has(column)).map(([name]) => name);
      if (found.length === 0) return [];
      const unnamed = found.filter((n) => n.startsWith("#")).length;
      const covering = [...found.filter((n) => !n.startsWith("#")), ...(unnamed === 0 ? [] : [unnamed === 1 ? "an unnamed CHECK" : `${unnamed} unnamed CHECKs`])];
      return [
        {
          message: `changing the type of ${table}.${column} re-verifies ${covering.join(", ")} against every row under an ACCESS EXCLUSIVE lock`,
          object: `${table}.${column}`,
          at: ((c.def as Node | undefined)?.ColumnDef as Node | undefined)?.location as number | undefined ?? statement.byteStart,
        },
      ];
    });
  },
});
