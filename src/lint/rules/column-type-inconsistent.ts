import { defineRule } from "../rule.js";
import { ownColumns } from "../rules-support/columns.js";

export default defineRule({
  id: "column-type-inconsistent",
  severity: "info",
  docs: {
    summary: "Columns of the same name with different types in different tables (`customer_id bigint` here, `customer_id integer` there). Option `ignore`: column names to leave out.",
    why: "A name shared across tables usually means the same thing: different types make joins cast (and miss indexes), and are often drift (one table widened, the others forgotten), e.g. an `integer` copy of a `bigint` key that will overflow first.",
    fix: "Align the types (usually to the widest). Names that legitimately mean different things (`value`, `data`) can be listed in the rule's `ignore` option.",
  },
  schema: (catalog, { options }) => {
    const ignore = new Set(Array.isArray(options.ignore) ? (options.ignore as unknown[]).map(String) : []);
    const byName = new Map<string, Map<string, string[]>>();
    for (const c of ownColumns(catalog)) {
      if (ignore.has(c.column.name) || c.table.foreign) continue;
      const types = byName.get(c.column.name) ?? new Map<string, string[]>();
      types.set(c.column.type, [...(types.get(c.column.type) ?? []), c.tableName]);
      byName.set(c.column.name, types);
    }
    return [...byName]
      .filter(([, types]) => types.size > 1)
      .map(([name, types]) => ({
        message: `column ${name} has ${types.size} types: ${[...types].map(([type, tables]) => `${type} (${tables.join(", ")})`).join("; ")}`,
        object: name,
      }));
  },
});
