import { names } from "../ast.js";
import { defineRule } from "../rule.js";

export default defineRule({
  id: "prefer-lookup-table-over-enum",
  severity: "info",
  docs: {
    summary: "An enum type (`CREATE TYPE … AS ENUM`).",
    why: "Enum values can be added but not removed or reordered without recreating the type and rewriting every column that uses it, and they carry nothing but a label (no description, no \"active\" flag, no per-value data).",
    fix: "A lookup table with the values as its primary key and a foreign key to it, or `text` with a `CHECK (col IN (…))` (replaced online with NOT VALID, then VALIDATE). Keep the enum when the set is truly fixed.",
  },
  statement: ({ kind, node }) => {
    if (kind !== "CreateEnumStmt") return [];
    const parts = names(node.typeName);
    const name = (parts.length === 1 ? ["public", ...parts] : parts).join(".");
    return [{ message: `enum type ${name}: values cannot be removed or reordered later`, object: name }];
  },
  schema: (catalog) =>
    catalog.types
      .filter((t) => t.kind === "enum")
      .map((t) => ({ message: `enum type ${t.schema}.${t.name}: values cannot be removed or reordered later`, object: `${t.schema}.${t.name}` })),
});
