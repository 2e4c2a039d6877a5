import { qualified } from "../../sql/ident.js";
import { defineRule } from "../rule.js";
import { ownColumns } from "../rules-support/columns.js";

const WIDTH: Record<string, number> = { smallint: 2, integer: 4, bigint: 8 };

export default defineRule({
  id: "sequence-type-narrower-than-column",
  severity: "warning",
  docs: {
    summary: "A column fed by its own sequence (serial or identity) whose sequence is of a narrower type than the column (typically a serial widened to `bigint` whose sequence is still `AS integer`).",
    why: "Widening a serial column with `ALTER COLUMN … TYPE bigint` leaves its sequence `AS integer` with maximum 2^31−1: inserts still fail with \"nextval: reached maximum value of sequence\" at the limit the widening was meant to remove.",
    fix: "`ALTER SEQUENCE … AS bigint` (catalog only; the maximum follows the type when it was the old type's default).",
  },
  schema: (catalog) =>
    ownColumns(catalog).flatMap((c) => {
      const columnWidth = WIDTH[c.column.type];
      if (!columnWidth) return [];
      const owned = catalog.sequences.find((s) => s.ownedBy?.table.schema === c.table.schema && s.ownedBy.table.name === c.table.name && s.ownedBy.column === c.column.name);
      const sequence = owned
        ? { schema: owned.schema, name: owned.name, dataType: owned.dataType, max: owned.max }
        : c.column.identity
          ? { schema: c.table.schema, name: c.column.identity.sequenceName, dataType: c.column.identity.dataType, max: c.column.identity.max }
          : undefined;
      if (!sequence || WIDTH[sequence.dataType]! >= columnWidth) return [];
      return [
        {
          message: `column ${c.column.name} of ${c.tableName} is ${c.column.type} but its sequence ${sequence.schema}.${sequence.name} is ${sequence.dataType} (stops at ${sequence.max})`,
          object: c.object,
          fix: { title: `widen the sequence to ${c.column.type}`, sql: `ALTER SEQUENCE ${qualified(sequence.schema, sequence.name)} AS ${c.column.type};` },
        },
      ];
    }),
});
