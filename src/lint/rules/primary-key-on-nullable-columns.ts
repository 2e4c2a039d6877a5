import { alterCommands, names, rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import { createdIndexName, earlierStatements, knownNullableColumns } from "../rules-support/earlier-statements.js";
import type { Node } from "../statements.js";

const history = earlierStatements();

export default defineRule({
  id: "primary-key-on-nullable-columns",
  severity: "warning",
  docs: {
    summary: "`ALTER TABLE … ADD PRIMARY KEY` (including `USING INDEX`) over a column the same file shows to be nullable: added without NOT NULL, or `DROP NOT NULL`, and not made NOT NULL since. An existing column's nullability is not in the migration, so only what the file itself did is known.",
    why: "A primary key makes its columns NOT NULL. For a column that is not NOT NULL yet, PostgreSQL checks every row while holding the ACCESS EXCLUSIVE lock of the ALTER TABLE: `USING INDEX` saves the index build, not this scan.",
    fix: "Make the columns NOT NULL first without a long lock: `ADD CONSTRAINT … CHECK (c IS NOT NULL) NOT VALID`, `VALIDATE CONSTRAINT` in a later transaction, then `ALTER COLUMN c SET NOT NULL` (PostgreSQL 12+ uses the valid CHECK instead of scanning) and drop the CHECK; then add the key `USING INDEX`.",
  },
  statement: (statement, state) => {
    const earlier = history(statement);
    const { kind, node } = statement;
    if (kind !== "AlterTableStmt") return [];
    const rv = node.relation as Node;
    const table = rangeVarName(rv);
    if (state.createdTables.has(table)) return [];
    const nullable = knownNullableColumns(earlier, table);
    if (nullable.size === 0) return [];
    return alterCommands(node).flatMap((c) => {
      const con = (c.def as Node | undefined)?.Constraint as Node | undefined;
      if (c.subtype !== "AT_AddConstraint" || con?.contype !== "CONSTR_PRIMARY") return [];
      let keys = names(con.keys);
      if (con.indexname) {
        const index = `${(rv.schemaname as string | undefined) ?? "public"}.${con.indexname as string}`;
        const made = earlier.find((s) => s.kind === "IndexStmt" && createdIndexName(s.node) === index);
        keys = ((made?.node.indexParams ?? []) as Node[]).map((p) => ((p.IndexElem as Node).name as string | undefined) ?? "").filter(Boolean);
      }
      const open = keys.filter((k) => nullable.has(k));
      if (open.length === 0) return [];
      return [{ message: `the primary key on ${table} sets ${open.join(", ")} NOT NULL, checking every row under an ACCESS EXCLUSIVE lock`, object: table, at: con.location as number }];
    });
  },
});
