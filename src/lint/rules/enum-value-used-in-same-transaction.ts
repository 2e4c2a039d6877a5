import { findNodes, names } from "../ast.js";
import { defineRule } from "../rule.js";
import { earlierStatements, qualifiedName } from "../rules-support/earlier-statements.js";
import type { Node, Statement } from "../statements.js";

const history = earlierStatements();

/** Enum labels added by `ALTER TYPE … ADD VALUE` in the transaction block still open after `earlier` (label → type), for types that block did not create. */
function addedInOpenTransaction(earlier: readonly Statement[]): Map<string, string> {
  let open = false;
  let added = new Map<string, string>();
  let created = new Set<string>();
  for (const { kind, node } of earlier) {
    if (kind === "TransactionStmt") {
      const k = node.kind as string;
      if (k === "TRANS_STMT_BEGIN" || k === "TRANS_STMT_START") open = true;
      if (k === "TRANS_STMT_COMMIT" || k === "TRANS_STMT_ROLLBACK") {
        open = false;
        added = new Map();
        created = new Set();
      }
    } else if (open && kind === "CreateEnumStmt") created.add(qualifiedName(names(node.typeName)));
    else if (open && kind === "AlterEnumStmt" && node.oldVal === undefined && typeof node.newVal === "string") {
      const type = qualifiedName(names(node.typeName));
      // A value added to a type created in the same transaction is usable at once (enum.c, check_safe_enum_use).
      if (!created.has(type)) added.set(node.newVal, type);
    }
  }
  return added;
}

export default defineRule({
  id: "enum-value-used-in-same-transaction",
  severity: "error",
  docs: {
    summary: "A label added with `ALTER TYPE … ADD VALUE` used (as a string constant) later in the same transaction block.",
    why: "PostgreSQL refuses to use an enum value before the transaction that added it commits: the DEFAULT, backfill, CHECK or comparison fails with `unsafe use of new value … of enum type` and the whole migration rolls back. (A value added to a type created in the same transaction is the exception.) The rule matches the label as a string constant, so it also catches casts and comparisons.",
    fix: "COMMIT after the `ADD VALUE` and use the value in a later transaction (or a later migration).",
  },
  statement: (statement, state) => {
    const earlier = history(statement);
    if (!state.inTransaction || statement.kind === "TransactionStmt") return [];
    const added = addedInOpenTransaction(earlier);
    if (added.size === 0) return [];
    return findNodes(statement.node, "A_Const").flatMap((c: Node) => {
      const label = (c.sval as Node | undefined)?.sval as string | undefined;
      const type = label === undefined ? undefined : added.get(label);
      if (type === undefined) return [];
      return [{ message: `'${label}' was added to ${type} in this transaction: it cannot be used before COMMIT`, object: type, at: c.location as number }];
    });
  },
});
