import { defineRule } from "../rule.js";

export default defineRule({
  id: "table-without-index",
  severity: "warning",
  docs: {
    summary: "A table with no index at all (no primary key, no unique constraint, no index).",
    why: "Every lookup, update and delete by key reads the whole table, and so does every foreign-key check against it; nothing stops duplicate rows either. Fine while it has ten rows, a hot spot once it grows.",
    fix: "A primary key (`id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY`, or the natural key), or at least an index on the columns it is searched by (`CREATE INDEX CONCURRENTLY`).",
  },
  schema: (catalog) =>
    catalog.tables
      .filter((t) => !t.partitionOf && !t.foreign && !catalog.indexes.some((i) => i.table.schema === t.schema && i.table.name === t.name))
      .map((t) => ({ message: `table ${t.schema}.${t.name} has no index`, object: `${t.schema}.${t.name}` })),
});
