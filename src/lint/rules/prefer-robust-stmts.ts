import { ident, qualified } from "../../sql/ident.js";
import { alterCommands, rangeVarName } from "../ast.js";
import { defineRule, type Report } from "../rule.js";
import { constraintDroppedIfExists, createdIndexName, droppedObjects, earlierStatements } from "../rules-support/earlier-statements.js";
import type { Node, Statement } from "../statements.js";

const history = earlierStatements();

const RERUN = "the migration cannot be run again if it fails part way through";

/**
 * PostgreSQL has no `ADD CONSTRAINT IF NOT EXISTS`: a named constraint is repeatable when the file drops it with
 * IF EXISTS first; an unnamed one is added again under a new name on a rerun (or fails, for a second primary key).
 */
function addConstraint(earlier: readonly Statement[], node: Node, table: string, constraint: Node, body: string): Report[] {
  const name = constraint.conname as string | undefined;
  if (!name) return [{ message: `ADD CONSTRAINT without a name on ${table}: a rerun adds it again under another name, or fails`, object: table }];
  if (constraintDroppedIfExists(earlier, table, name)) return [];
  const relation = node.relation as Node;
  const target = relation.schemaname ? qualified(relation.schemaname as string, relation.relname as string) : ident(relation.relname as string);
  return [
    {
      message: `ADD CONSTRAINT ${name} (there is no IF NOT EXISTS) without a DROP CONSTRAINT IF EXISTS before it: ${RERUN}`,
      object: table,
      fix: { title: "drop a left-over constraint first", sql: `ALTER TABLE ${target} DROP CONSTRAINT IF EXISTS ${ident(name)};\n${body};` },
    },
  ];
}

export default defineRule({
  id: "prefer-robust-stmts",
  severity: "info",
  docs: {
    summary: "Outside a transaction block: `CREATE TABLE` / `CREATE INDEX` without `IF NOT EXISTS`, `DROP TABLE` / `DROP INDEX` / `DROP TYPE` without `IF EXISTS`, and `ALTER TABLE` `ADD COLUMN` without `IF NOT EXISTS`, `DROP COLUMN` / `DROP CONSTRAINT` without `IF EXISTS`, or `ADD CONSTRAINT` not preceded by `DROP CONSTRAINT IF EXISTS` of its name. Temporary tables are left out. A concurrent index build is flagged inside a transaction too.",
    why: "Statements outside a transaction commit one by one. When the file fails half way (a lock timeout, a failed concurrent build), the statements that already ran are kept, and running the file again stops at the first of them: `relation already exists`, `does not exist`. Inside BEGIN … COMMIT a failure rolls everything back, so the guards are not needed there.",
    fix: "Add the guard (`CREATE TABLE IF NOT EXISTS`, `DROP INDEX IF EXISTS`, `ADD COLUMN IF NOT EXISTS` …; for a constraint, `DROP CONSTRAINT IF EXISTS` its name first), or wrap the file in a transaction. For `CREATE INDEX CONCURRENTLY` drop the name first (`DROP INDEX CONCURRENTLY IF EXISTS name;`) rather than adding IF NOT EXISTS, which would keep an invalid index from a failed run (see concurrent-index-retry-invalid).",
    squawk: "prefer-robust-stmts",
  },
  statement: (statement, state) => {
    const earlier = history(statement);
    const { kind, node, text } = statement;
    const body = text.replace(/;?\s*$/, "");
    if (kind === "IndexStmt") {
      if (node.if_not_exists || !node.idxname || !(node.concurrent || !state.inTransaction)) return [];
      const name = createdIndexName(node)!;
      if (node.concurrent) {
        // DROP INDEX … IF EXISTS of the same name earlier in the file makes the build repeatable.
        if (earlier.some((s) => s.kind === "DropStmt" && s.node.removeType === "OBJECT_INDEX" && s.node.missing_ok && droppedObjects(s.node).includes(name))) return [];
        const schema = (node.relation as Node).schemaname as string | undefined;
        const dropName = schema ? qualified(schema, node.idxname as string) : ident(node.idxname as string);
        return [{ message: `CREATE INDEX CONCURRENTLY ${name} without a guard: ${RERUN}`, object: name, fix: { title: "drop a left-over index first", sql: `DROP INDEX CONCURRENTLY IF EXISTS ${dropName};\n${body};` } }];
      }
      return [{ message: `CREATE INDEX ${name} without IF NOT EXISTS: ${RERUN}`, object: name, fix: { title: "add IF NOT EXISTS", sql: `${body.replace(/^(CREATE\s+(?:UNIQUE\s+)?INDEX)\b/i, "$1 IF NOT EXISTS")};` } }];
    }
    if (state.inTransaction) return [];
    if (kind === "CreateStmt") {
      if (node.if_not_exists || (node.relation as Node).relpersistence === "t") return [];
      const table = rangeVarName(node.relation as Node);
      return [{ message: `CREATE TABLE ${table} without IF NOT EXISTS: ${RERUN}`, object: table, fix: { title: "add IF NOT EXISTS", sql: `${body.replace(/^(CREATE\s+(?:UNLOGGED\s+)?TABLE)\b/i, "$1 IF NOT EXISTS")};` } }];
    }
    if (kind === "DropStmt" && !node.missing_ok && ["OBJECT_TABLE", "OBJECT_INDEX", "OBJECT_TYPE"].includes(node.removeType as string)) {
      const what = (node.removeType as string).slice("OBJECT_".length);
      const objects = node.removeType === "OBJECT_TYPE" ? [] : droppedObjects(node);
      return [
        {
          message: `DROP ${what} without IF EXISTS: ${RERUN}`,
          ...(objects[0] ? { object: objects[0] } : {}),
          fix: { title: "add IF EXISTS", sql: `${body.replace(new RegExp(`^(DROP\\s+${what}(?:\\s+CONCURRENTLY)?)\\b`, "i"), "$1 IF EXISTS")};` },
        },
      ];
    }
    if (kind === "AlterTableStmt" && node.objtype === "OBJECT_TABLE") {
      const table = rangeVarName(node.relation as Node);
      return alterCommands(node).flatMap((c): Report[] => {
        if (c.missing_ok) return [];
        if (c.subtype === "AT_AddColumn") {
          const col = ((c.def as Node).ColumnDef as Node).colname as string;
          return [{ message: `ADD COLUMN ${col} without IF NOT EXISTS: ${RERUN}`, object: `${table}.${col}` }];
        }
        if (c.subtype === "AT_DropColumn") return [{ message: `DROP COLUMN ${c.name as string} without IF EXISTS: ${RERUN}`, object: `${table}.${c.name as string}` }];
        if (c.subtype === "AT_DropConstraint") return [{ message: `DROP CONSTRAINT ${c.name as string} without IF EXISTS: ${RERUN}`, object: table }];
        if (c.subtype === "AT_AddConstraint") return addConstraint(earlier, node, table, (c.def as Node).Constraint as Node, body);
        return [];
      });
    }
    return [];
  },
});
