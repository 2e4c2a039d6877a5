import { defineRule } from "../rule.js";
import { foreignKeys } from "../rules-support/foreign-keys.js";

export default defineRule({
  id: "fk-to-unique-not-pk",
  severity: "info",
  docs: {
    summary: "A foreign key that references a UNIQUE constraint (or unique index) of a table that has a primary key.",
    why: "The foreign key depends on that unique index: it cannot be dropped or replaced (to add a column, change NULLS NOT DISTINCT, rebuild it) without dropping the foreign key first, and the referenced values are usually business values that change, cascading into the referencing rows.",
    fix: "Reference the primary key (store the parent's id), and keep the unique column as an attribute.",
  },
  schema: (catalog) =>
    foreignKeys(catalog).flatMap(({ table: t, fk: c, target }) => {
      const pk = target?.constraints.find((k) => k.kind === "primary-key");
      if (!pk || pk.kind !== "primary-key") return [];
      const same = pk.columns.length === c.references.columns.length && pk.columns.every((col) => c.references.columns.includes(col));
      if (same) return [];
      const ref = `${c.references.table.schema}.${c.references.table.name}`;
      return [{ message: `foreign key ${c.name} of ${t.schema}.${t.name} references ${ref} (${c.references.columns.join(", ")}), not its primary key (${pk.columns.join(", ")})`, object: `${t.schema}.${t.name}` }];
    }),
});
