import { ident } from "../../sql/ident.js";
import { rangeVarName } from "../ast.js";
import { defineRule } from "../rule.js";
import { createdIndexName, droppedObjects, earlierStatements } from "../rules-support/earlier-statements.js";
import type { Node } from "../statements.js";

const history = earlierStatements();

export default defineRule({
  id: "require-concurrent-index-deletion",
  severity: "warning",
  docs: {
    summary: "`DROP INDEX` without `CONCURRENTLY` (indexes on tables created earlier in the file aside).",
    why: "A plain DROP INDEX takes an ACCESS EXCLUSIVE lock on the index's table: reads and writes wait, and so does everything queued behind it while it waits for running queries.",
    fix: "`DROP INDEX CONCURRENTLY [IF EXISTS] name`, one index per statement, outside a transaction block (it cannot CASCADE).",
    squawk: "require-concurrent-index-deletion",
  },
  statement: (statement, state) => {
    const earlier = history(statement);
    const { kind, node } = statement;
    if (kind !== "DropStmt" || node.removeType !== "OBJECT_INDEX" || node.concurrent) return [];
    // An index on a table this file created: the table is new, its lock blocks nobody.
    const created = new Set(earlier.filter((s) => s.kind === "IndexStmt" && state.createdTables.has(rangeVarName(s.node.relation as Node))).map((s) => createdIndexName(s.node)));
    const indexes = droppedObjects(node).filter((i) => !created.has(i));
    if (indexes.length === 0) return [];
    const parts = ((node.objects ?? []) as Node[]).map((o) => (((o.List as Node).items ?? []) as Node[]).map((i) => (i.String as Node).sval as string));
    const canFix = !state.inTransaction && node.behavior !== "DROP_CASCADE";
    return [
      {
        message: `DROP INDEX ${indexes.join(", ")} takes an ACCESS EXCLUSIVE lock on the table${state.inTransaction ? " (and CONCURRENTLY needs its own statement outside the transaction)" : ""}`,
        object: indexes[0],
        ...(canFix
          ? { fix: { title: "drop concurrently", sql: parts.map((p) => `DROP INDEX CONCURRENTLY ${node.missing_ok ? "IF EXISTS " : ""}${p.map(ident).join(".")};`).join("\n") } }
          : {}),
      },
    ];
  },
});
