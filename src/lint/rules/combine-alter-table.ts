import { alterCommands, columnConstraints, rangeVarName, typeName } from "../ast.js";
import { defineRule } from "../rule.js";
import { earlierStatements } from "../rules-support/earlier-statements.js";
import type { Node, Statement } from "../statements.js";

const history = earlierStatements();

const SERIAL: ReadonlySet<string> = new Set(["serial", "serial2", "serial4", "serial8", "smallserial", "bigserial"]);

/** What an ALTER TABLE subcommand makes PostgreSQL do to every row: `rewrite`, `scan`, or nothing. */
function pass(c: Node): "rewrite" | "scan" | undefined {
  switch (c.subtype) {
    case "AT_AlterColumnType":
    case "AT_SetLogged":
    case "AT_SetUnLogged":
    case "AT_SetAccessMethod":
      return "rewrite";
    case "AT_SetNotNull":
      return "scan";
    case "AT_AddConstraint": {
      const con = (c.def as Node | undefined)?.Constraint as Node | undefined;
      return con?.contype === "CONSTR_CHECK" && !con.skip_validation ? "scan" : undefined;
    }
    case "AT_AddColumn": {
      const def = (c.def as Node | undefined)?.ColumnDef as Node | undefined;
      if (!def) return undefined;
      const rewriting = SERIAL.has(typeName(def.typeName as Node)) || columnConstraints(def).some((x) => x.contype === "CONSTR_IDENTITY" || (x.contype === "CONSTR_GENERATED" && x.generated_kind === "s"));
      return rewriting ? "rewrite" : undefined;
    }
    default:
      return undefined;
  }
}

const passes = (s: Statement, table: string): ("rewrite" | "scan")[] =>
  s.kind === "AlterTableStmt" && s.node.objtype !== "OBJECT_INDEX" && rangeVarName(s.node.relation as Node) === table ? alterCommands(s.node).flatMap((c) => pass(c) ?? []) : [];

export default defineRule({
  id: "combine-alter-table",
  severity: "info",
  docs: {
    summary: "A second (third, …) `ALTER TABLE` on the same existing table in one migration where each one rewrites or scans the table (type change, SET NOT NULL, a validated CHECK, SET LOGGED/UNLOGGED/ACCESS METHOD, an identity, serial or stored generated column).",
    why: "PostgreSQL runs all the subcommands of one ALTER TABLE in a single pass over the table: one rewrite for several type changes, one scan for several CHECKs and NOT NULLs. Separate statements read (or copy) the whole table once each, under an ACCESS EXCLUSIVE lock every time.",
    fix: "Combine them into one statement: `ALTER TABLE t ALTER COLUMN a TYPE bigint, ALTER COLUMN b SET NOT NULL, …`.",
  },
  statement: (statement, state) => {
    const earlier = history(statement);
    if (statement.kind !== "AlterTableStmt") return [];
    const table = rangeVarName(statement.node.relation as Node);
    if (state.createdTables.has(table)) return [];
    const here = passes(statement, table);
    if (here.length === 0) return [];
    const before = earlier.filter((s) => passes(s, table).length > 0);
    if (before.length === 0) return [];
    const what = here.includes("rewrite") ? "rewrites" : "scans";
    return [{ message: `this ALTER TABLE ${what} ${table} again (${before.length} earlier statement${before.length > 1 ? "s" : ""} of this migration already did): one combined ALTER TABLE makes one pass`, object: table }];
  },
});
