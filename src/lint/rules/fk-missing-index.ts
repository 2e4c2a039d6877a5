import { defineRule } from "../rule.js";
import { foreignKeyIndexed, indexForeignKeyFix } from "../rules-support/foreign-keys.js";

export default defineRule({
  id: "fk-missing-index",
  severity: "warning",
  docs: {
    summary: "A foreign key whose columns do not lead any index of the referencing table.",
    why: "Deleting or updating a referenced row looks up the referencing rows: without an index that is a scan of the whole child table, per parent row, under lock. Joins from parent to child scan too.",
    fix: "`CREATE INDEX CONCURRENTLY … ON child (fk_columns)`.",
  },
  schema: (catalog) =>
    catalog.tables.flatMap((t) =>
      t.constraints.flatMap((c) => {
        if (c.kind !== "foreign-key" || t.partitionOf) return [];
        if (foreignKeyIndexed(catalog, t, c)) return [];
        return [
          {
            message: `foreign key ${c.name} on ${t.schema}.${t.name} (${c.columns.join(", ")}) has no index`,
            object: `${t.schema}.${t.name}`,
            fix: indexForeignKeyFix(t, c),
          },
        ];
      }),
    ),
});
