import { defineRule } from "../rule.js";
import { earlierStatements } from "../rules-support/earlier-statements.js";

const history = earlierStatements();

export default defineRule({
  id: "renaming-schema",
  severity: "warning",
  docs: {
    summary: "`ALTER SCHEMA … RENAME TO` of a schema that this migration did not create.",
    why: "The rename is instant, but every query, view body written by hand, function, search_path setting and application that names the schema keeps using the old name and fails from the moment it commits. Function bodies are stored as text, so they break too.",
    fix: "Create the new schema, move the objects with `ALTER … SET SCHEMA` while the code is changed to the new name, and drop the old schema once nothing uses it.",
  },
  statement: (statement) => {
    const earlier = history(statement);
    const { kind, node } = statement;
    if (kind !== "RenameStmt" || node.renameType !== "OBJECT_SCHEMA") return [];
    const schema = node.subname as string;
    if (earlier.some((s) => s.kind === "CreateSchemaStmt" && s.node.schemaname === schema)) return [];
    return [{ message: `renaming schema ${schema} to ${node.newname as string} breaks every reference to the old name`, object: schema }];
  },
});
