import { ident } from "../../sql/ident.js";
import { alterCommands, columnConstraints, columnDefs, findNodes, names } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node, Statement } from "../statements.js";
import { relationSql, statementSlice } from "../rules-support/sql-text.js";

/** Built-in functions marked VOLATILE (pg_proc.provolatile = 'v') that show up in column defaults. */
const VOLATILE = new Set([
  "random", "random_normal", "setseed", "gen_random_uuid", "uuidv4", "uuidv7", "uuid_generate_v1", "uuid_generate_v1mc",
  "uuid_generate_v4", "gen_random_bytes", "clock_timestamp", "timeofday", "nextval", "setval",
]);

/** Built-in STABLE or IMMUTABLE functions common in defaults: evaluated once for the whole ADD COLUMN (PostgreSQL 11+). */
const NOT_VOLATILE = new Set([
  "now", "statement_timestamp", "transaction_timestamp", "current_setting", "current_database", "current_schema",
  "timezone", "date_trunc", "date_part", "extract", "make_date", "make_time", "make_timestamp", "make_timestamptz",
  "make_interval", "to_timestamp", "to_date", "to_char", "to_json", "to_jsonb", "json_build_object", "json_build_array",
  "jsonb_build_object", "jsonb_build_array", "array_fill", "lower", "upper", "btrim", "ltrim", "rtrim", "concat",
  "concat_ws", "length", "char_length", "replace", "substr", "md5", "abs", "round", "floor", "ceil", "greatest",
  "least", "int4range", "int8range", "numrange", "tstzrange", "daterange",
]);

/** Why a default makes ADD COLUMN rewrite the table, or undefined when it does not. */
function rewriteReason(expr: Node, pgVersion: number): string | undefined {
  if ((expr.A_Const as Node | undefined)?.isnull) return undefined;
  if (pgVersion < 110000) return "before PostgreSQL 11 any non-NULL default is written into every row";
  for (const call of findNodes({ expr }, "FuncCall")) {
    const parts = names(call.funcname);
    const fn = parts.at(-1)?.toLowerCase() ?? "";
    // A known volatile name stays volatile in any schema (an extension's uuid_generate_v4 in public); a stable
    // built-in's name in another schema is someone's own function.
    const builtIn = parts.length === 1 || parts[0] === "pg_catalog";
    if (VOLATILE.has(fn)) return `${fn}() is volatile: it is evaluated for every existing row`;
    if (!NOT_VOLATILE.has(fn) || !builtIn) return `${parts.join(".")}() is volatile unless it was declared STABLE or IMMUTABLE: then it is evaluated for every existing row`;
  }
  return undefined;
}

/** ADD COLUMN c type DEFAULT expr → add it plain, then SET DEFAULT (new rows only): only when the statement is that alone. */
function fix(statement: Statement, def: Node, defaultCon: Node): { title: string; sql: string } | undefined {
  const cons = columnConstraints(def);
  if (alterCommands(statement.node).length !== 1 || cons.at(-1) !== defaultCon || cons.some((c) => c !== defaultCon && c.contype !== "CONSTR_NULL")) return undefined;
  const add = statementSlice(statement, statement.byteStart, defaultCon.location as number);
  const expr = statementSlice(statement, defaultCon.location as number).replace(/^default\b/i, "").trim();
  const table = relationSql(statement.node.relation as Node);
  const column = ident(def.colname as string);
  return {
    title: "add the column without a default, then set the default for new rows",
    sql: `${add};\nALTER TABLE ${table} ALTER COLUMN ${column} SET DEFAULT ${expr};\n-- then fill the existing rows in batches: UPDATE ${table} SET ${column} = ${expr} WHERE ${column} IS NULL AND <key range>;`,
  };
}

export default defineRule({
  id: "adding-field-with-default",
  severity: "warning",
  docs: {
    summary: "`ALTER TABLE … ADD COLUMN … DEFAULT` with a volatile default (any non-NULL default before PostgreSQL 11), on an existing table.",
    why: "Since PostgreSQL 11 a non-volatile default is stored once in the catalog and the ADD COLUMN is instant. A volatile default (`random()`, `gen_random_uuid()`, `clock_timestamp()`, `nextval()`, or a function not declared STABLE/IMMUTABLE) has to be computed for each existing row: the table and all its indexes are rewritten under an ACCESS EXCLUSIVE lock that blocks reads and writes. Before PostgreSQL 11 every non-NULL default did that.",
    fix: "Add the column without a default, `ALTER COLUMN … SET DEFAULT …` (applies to new rows only), then fill the existing rows in batches.",
    squawk: "adding-field-with-default",
  },
  statement: (statement, state, context) =>
    columnDefs(statement.kind, statement.node)
      .filter((c) => c.via === "add" && !state.createdTables.has(c.table))
      .flatMap((c) => {
        const con = columnConstraints(c.def).find((x) => x.contype === "CONSTR_DEFAULT");
        const reason = con && rewriteReason(con.raw_expr as Node, context.pgVersion);
        if (!con || !reason) return [];
        const f = fix(statement, c.def, con);
        return [{ message: `adding column ${c.def.colname as string} to ${c.table} rewrites the table: ${reason}`, object: `${c.table}.${c.def.colname as string}`, at: con.location as number, ...(f ? { fix: f } : {}) }];
      }),
});
