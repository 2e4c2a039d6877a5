import { ident } from "../../sql/ident.js";
import { alterCommands, names, rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";
import { fileMemory } from "../rules-support/file-memory.js";
import { fitName, relationSql } from "../rules-support/sql-text.js";

interface NotNullCheck {
  readonly table: string;
  readonly column: string;
  valid: boolean;
}

/** CHECK (col IS NOT NULL) constraints added earlier in the file, by `schema.table.constraint` (unnamed: a unique key). */
const checks = fileMemory(() => new Map<string, NotNullCheck>());

/** The column of `CHECK (col IS NOT NULL)`. */
function notNullColumn(con: Node): string | undefined {
  const test = (con.raw_expr as Node | undefined)?.NullTest as Node | undefined;
  if (test?.nulltesttype !== "IS_NOT_NULL") return undefined;
  const fields = names(((test.arg as Node | undefined)?.ColumnRef as Node | undefined)?.fields);
  return fields.length === 1 ? fields[0] : undefined;
}

export default defineRule({
  id: "adding-not-nullable-field",
  severity: "warning",
  docs: {
    summary: "`ALTER TABLE … ALTER COLUMN … SET NOT NULL` (or PostgreSQL 18's `ADD CONSTRAINT … NOT NULL` without `NOT VALID`) on an existing table.",
    why: "PostgreSQL scans the whole table to check there is no NULL while holding an ACCESS EXCLUSIVE lock: reads and writes wait for the scan, and the statement fails if a NULL is found. From PostgreSQL 12 the scan is skipped when a validated `CHECK (col IS NOT NULL)` already proves it; this rule sees such a CHECK when it is added and validated earlier in the same file.",
    fix: "`ADD CONSTRAINT … CHECK (col IS NOT NULL) NOT VALID`, `VALIDATE CONSTRAINT` (SHARE UPDATE EXCLUSIVE: writes go on), then `SET NOT NULL` (no scan on PostgreSQL 12+), then drop the CHECK. On PostgreSQL 18, `ADD CONSTRAINT … NOT NULL col NOT VALID` and a later `VALIDATE CONSTRAINT` do the same in two steps.",
    squawk: "adding-not-nullable-field",
  },
  statement: (statement, state, context) => {
    const memory = checks(statement);
    const { kind, node } = statement;
    if (kind !== "AlterTableStmt") return [];
    const relation = node.relation as Node;
    const table = rangeVarName(relation);
    const commands = alterCommands(node);
    const reports = [];
    for (const c of commands) {
      const con = (c.def as Node | undefined)?.Constraint as Node | undefined;
      if (c.subtype === "AT_AddConstraint" && con?.contype === "CONSTR_CHECK") {
        const column = notNullColumn(con);
        if (column) memory.set(`${table}.${(con.conname as string | undefined) ?? `#${memory.size}`}`, { table, column, valid: !con.skip_validation });
        continue;
      }
      if (c.subtype === "AT_ValidateConstraint") {
        const check = memory.get(`${table}.${c.name as string}`);
        if (check) check.valid = true;
        continue;
      }
      if (c.subtype === "AT_DropConstraint") {
        memory.delete(`${table}.${c.name as string}`);
        continue;
      }
      if (state.createdTables.has(table)) continue;
      if (c.subtype === "AT_AddConstraint" && con?.contype === "CONSTR_NOTNULL" && !con.skip_validation) {
        const column = names(con.keys)[0] ?? "?";
        reports.push({ message: `NOT NULL on ${table}.${column} scans the table while it is locked against reads and writes`, object: `${table}.${column}`, at: con.location as number });
        continue;
      }
      if (c.subtype !== "AT_SetNotNull") continue;
      const column = c.name as string;
      const proven = context.pgVersion >= 120000 && [...memory.values()].some((k) => k.valid && k.table === table && k.column === column);
      if (proven) continue;
      const check = ident(fitName(`${relation.relname as string}_${column}_not_null_check`));
      const t = relationSql(relation);
      const col = ident(column);
      reports.push({
        message: `SET NOT NULL on ${table}.${column} scans the table while it is locked against reads and writes`,
        object: `${table}.${column}`,
        ...(commands.length === 1 && context.pgVersion >= 120000
          ? {
              fix: {
                title: "prove it with a CHECK validated online, then SET NOT NULL without a scan",
                sql: [
                  `ALTER TABLE ${t} ADD CONSTRAINT ${check} CHECK (${col} IS NOT NULL) NOT VALID;`,
                  `ALTER TABLE ${t} VALIDATE CONSTRAINT ${check};`,
                  `ALTER TABLE ${t} ALTER COLUMN ${col} SET NOT NULL;`,
                  `ALTER TABLE ${t} DROP CONSTRAINT ${check};`,
                ].join("\n"),
              },
            }
          : {}),
      });
    }
    return reports;
  },
});
