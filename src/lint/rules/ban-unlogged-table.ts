import { qualified } from "../../sql/ident.js";
import { alterCommands, rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";

export default defineRule({
  id: "ban-unlogged-table",
  severity: "warning",
  docs: {
    summary: "An unlogged table (`CREATE UNLOGGED TABLE`, `ALTER TABLE … SET UNLOGGED`).",
    why: "An unlogged table skips the write-ahead log: after a crash or an unclean shutdown it is emptied, and it is not on streaming replicas (reads there fail) nor in base backups restored with WAL. Fine for caches and scratch data, wrong for anything that must survive.",
    fix: "A plain (logged) table. `ALTER TABLE … SET LOGGED` rewrites the table and writes all of it to the WAL under an ACCESS EXCLUSIVE lock.",
  },
  statement: ({ kind, node }) => {
    if (kind === "CreateStmt" || kind === "CreateTableAsStmt") {
      const rv = (kind === "CreateStmt" ? node.relation : (node.into as Node | undefined)?.rel) as Node | undefined;
      if (rv?.relpersistence !== "u") return [];
      const table = rangeVarName(rv);
      return [{ message: `table ${table} is created UNLOGGED: it is emptied after a crash and missing on replicas`, object: table, at: rv.location as number }];
    }
    if (kind === "AlterTableStmt") {
      const table = rangeVarName(node.relation as Node);
      return alterCommands(node)
        .filter((c) => c.subtype === "AT_SetUnLogged")
        .map(() => ({ message: `table ${table} is made UNLOGGED: it is emptied after a crash and missing on replicas`, object: table }));
    }
    return [];
  },
  schema: (catalog) =>
    catalog.tables
      .filter((t) => t.unlogged)
      .map((t) => ({
        message: `table ${t.schema}.${t.name} is UNLOGGED: it is emptied after a crash and missing on replicas`,
        object: `${t.schema}.${t.name}`,
        fix: { title: "make it logged (rewrites the table)", sql: `ALTER TABLE ${qualified(t.schema, t.name)} SET LOGGED;` },
      })),
});
