import { ident, identList } from "../../sql/ident.js";
import { alterCommands, columnConstraints, columnDefs, names, rangeVarName } from "../ast.js";
import type { Report } from "../rule.js";
import type { MigrationState, Node, Statement } from "../statements.js";
import { fitName, relationSql } from "./sql-text.js";

/**
 * PRIMARY KEY / UNIQUE constraints added to an existing table that build their index under the ALTER TABLE's
 * ACCESS EXCLUSIVE lock (not `USING INDEX`): `ADD [CONSTRAINT …] PRIMARY KEY|UNIQUE (…)` and `ADD COLUMN … PRIMARY
 * KEY|UNIQUE`. A single-command `ADD CONSTRAINT` gets a fix: the index built CONCURRENTLY, then attached.
 */
export function indexBuildingConstraints(statement: Statement, state: MigrationState, contype: "CONSTR_PRIMARY" | "CONSTR_UNIQUE"): Report[] {
  const { kind, node } = statement;
  if (kind !== "AlterTableStmt" || node.objtype !== "OBJECT_TABLE") return [];
  const relation = node.relation as Node;
  const table = rangeVarName(relation);
  if (state.createdTables.has(table)) return [];
  const what = contype === "CONSTR_PRIMARY" ? "primary key" : "unique constraint";
  const commands = alterCommands(node);
  const reports: Report[] = [];
  for (const c of commands) {
    const con = (c.def as Node | undefined)?.Constraint as Node | undefined;
    if (c.subtype !== "AT_AddConstraint" || con?.contype !== contype || con.indexname) continue;
    const keys = names(con.keys);
    const relname = relation.relname as string;
    const name = (con.conname as string | undefined) ?? fitName(contype === "CONSTR_PRIMARY" ? `${relname}_pkey` : `${relname}_${keys.join("_")}_key`);
    const include = names(con.including);
    const simple = commands.length === 1 && !con.options && !con.indexspace && !con.exclusions;
    const indexSql = `CREATE UNIQUE INDEX CONCURRENTLY ${ident(name)} ON ${relationSql(relation)} (${identList(keys)})${include.length ? ` INCLUDE (${identList(include)})` : ""}${con.nulls_not_distinct ? " NULLS NOT DISTINCT" : ""};`;
    const attributes = `${con.deferrable ? " DEFERRABLE" : ""}${con.initdeferred ? " INITIALLY DEFERRED" : ""}`;
    const attachSql = `ALTER TABLE ${relationSql(relation)} ADD CONSTRAINT ${ident(name)} ${contype === "CONSTR_PRIMARY" ? "PRIMARY KEY" : "UNIQUE"} USING INDEX ${ident(name)}${attributes};`;
    reports.push({
      message: `${what} ${con.conname ? `${con.conname as string} ` : ""}on ${table} (${keys.join(", ")}) builds its index while the table is locked against reads and writes`,
      object: table,
      at: con.location as number,
      ...(simple ? { fix: { title: "build the index concurrently, then attach it", sql: `${indexSql}\n${attachSql}` } } : {}),
    });
  }
  for (const col of columnDefs(kind, node)) {
    const con = columnConstraints(col.def).find((x) => x.contype === contype);
    if (!con) continue;
    reports.push({
      message: `column ${col.def.colname as string} is added to ${table} as a ${what}: its index is built while the table is locked against reads and writes`,
      object: `${table}.${col.def.colname as string}`,
      at: con.location as number,
    });
  }
  return reports;
}
