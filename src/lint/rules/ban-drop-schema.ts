import { names } from "../ast.js";
import { defineRule } from "../rule.js";
import { earlierStatements } from "../rules-support/earlier-statements.js";

const history = earlierStatements();

export default defineRule({
  id: "ban-drop-schema",
  severity: "error",
  docs: {
    summary: "`DROP SCHEMA` of a schema that this migration did not create.",
    why: "With CASCADE every table, view, function and type in the schema is dropped with it, rows included, under ACCESS EXCLUSIVE locks on each table; without CASCADE it fails as soon as the schema holds anything, so the statement is either a mass drop or a failure waiting to happen.",
    fix: "Drop the objects you mean to drop by name (each reviewed on its own), then `DROP SCHEMA … RESTRICT` once it is empty.",
  },
  statement: (statement) => {
    const earlier = history(statement);
    const { kind, node } = statement;
    if (kind !== "DropStmt" || node.removeType !== "OBJECT_SCHEMA") return [];
    const created = new Set(earlier.filter((s) => s.kind === "CreateSchemaStmt").map((s) => s.node.schemaname as string));
    const cascade = node.behavior === "DROP_CASCADE";
    return names(node.objects)
      .filter((schema) => !created.has(schema))
      .map((schema) => ({
        message: cascade ? `DROP SCHEMA ${schema} CASCADE drops every object in it, rows included` : `dropping schema ${schema}: it fails if anything is left in it, and drops it for good otherwise`,
        object: schema,
      }));
  },
});
