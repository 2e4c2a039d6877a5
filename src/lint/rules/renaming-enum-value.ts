import { names } from "../ast.js";
import { defineRule } from "../rule.js";
import { earlierStatements, qualifiedName } from "../rules-support/earlier-statements.js";

const history = earlierStatements();

export default defineRule({
  id: "renaming-enum-value",
  severity: "warning",
  docs: {
    summary: "`ALTER TYPE … RENAME VALUE` of an enum that this migration did not create.",
    why: "Stored rows follow the rename, but the running application still sends and compares the old label: inserts with it fail (`invalid input value for enum`), and comparisons against it stop matching, until the new code is out.",
    fix: "Add the new value (`ADD VALUE`), deploy code that writes it, migrate the rows, and retire the old label later; or rename only together with a deploy that stops using the old label.",
  },
  statement: (statement) => {
    const earlier = history(statement);
    const { kind, node } = statement;
    if (kind !== "AlterEnumStmt" || node.oldVal === undefined) return [];
    const type = qualifiedName(names(node.typeName));
    if (earlier.some((s) => s.kind === "CreateEnumStmt" && qualifiedName(names(s.node.typeName)) === type)) return [];
    return [{ message: `renaming ${type} value '${node.oldVal as string}' to '${node.newVal as string}' breaks code that still uses the old label`, object: type }];
  },
});
