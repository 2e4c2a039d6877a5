import { ident } from "../../sql/ident.js";
import { alterCommands, columnConstraints, columnDefs, names, rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import type { Node } from "../statements.js";
import { relationSql, statementSlice } from "../rules-support/sql-text.js";

export default defineRule({
  id: "adding-foreign-key-constraint",
  severity: "warning",
  docs: {
    summary: "A foreign key added to an existing table without `NOT VALID` (`ADD [CONSTRAINT …] FOREIGN KEY`, or `ADD COLUMN … DEFAULT … REFERENCES`).",
    why: "Adding the foreign key checks every existing row against the referenced table while holding SHARE ROW EXCLUSIVE locks on both tables: writes to either wait for the whole scan. (`ADD COLUMN … REFERENCES` without a default is not flagged: the new column is all NULL, so PostgreSQL skips the check.)",
    fix: "Add it `NOT VALID` (no scan; new and updated rows are checked from then on), then `ALTER TABLE … VALIDATE CONSTRAINT …` in a later transaction: validation takes SHARE UPDATE EXCLUSIVE on the table and lets writes through. For a column with a default, add the column first, then the foreign key NOT VALID.",
    squawk: "adding-foreign-key-constraint",
  },
  statement: (statement, state) => {
    const { kind, node } = statement;
    if (kind !== "AlterTableStmt") return [];
    const relation = node.relation as Node;
    const table = rangeVarName(relation);
    if (state.createdTables.has(table)) return [];
    const commands = alterCommands(node);
    const added = commands.flatMap((c) => {
      const con = (c.def as Node | undefined)?.Constraint as Node | undefined;
      if (c.subtype !== "AT_AddConstraint" || con?.contype !== "CONSTR_FOREIGN" || con.skip_validation) return [];
      const name = con.conname as string | undefined;
      const validate = name ? `ALTER TABLE ${relationSql(relation)} VALIDATE CONSTRAINT ${ident(name)};` : `-- ALTER TABLE ${relationSql(relation)} VALIDATE CONSTRAINT <its name>;`;
      return [
        {
          message: `foreign key ${name ? `${name} ` : ""}on ${table} (${names(con.fk_attrs).join(", ")}) checks every row while writes to ${table} and ${rangeVarName(con.pktable as Node)} wait`,
          object: table,
          at: con.location as number,
          ...(commands.length === 1
            ? { fix: { title: "add NOT VALID, validate later", sql: `${statementSlice(statement, statement.byteStart)} NOT VALID;\n-- in a later transaction:\n${validate}` } }
            : {}),
        },
      ];
    });
    // A new column's foreign key is checked only when the column gets a default (or a generation expression): otherwise all NULL.
    const inline = columnDefs(kind, node)
      .filter((c) => columnConstraints(c.def).some((x) => x.contype === "CONSTR_DEFAULT" || x.contype === "CONSTR_GENERATED"))
      .flatMap((c) => {
        const con = columnConstraints(c.def).find((x) => x.contype === "CONSTR_FOREIGN");
        return con
          ? [{ message: `column ${c.def.colname as string} is added to ${table} with a default and a foreign key: every row is checked while writes to ${table} and ${rangeVarName(con.pktable as Node)} wait`, object: `${table}.${c.def.colname as string}`, at: con.location as number }]
          : [];
      });
    return [...added, ...inline];
  },
});
