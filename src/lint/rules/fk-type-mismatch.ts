import { ident, qualified } from "../../sql/ident.js";
import type { Catalog } from "../../catalog/model.js";
import { defineRule } from "../rule.js";
import { foreignKeys } from "../rules-support/foreign-keys.js";

/** A column type with domains resolved to their base type (a domain over `bigint` matches `bigint`). */
function baseType(catalog: Catalog, type: string): string {
  for (let i = 0; i < 10; i++) {
    const domain = catalog.types.find((t) => t.kind === "domain" && qualified(t.schema, t.name) === type);
    if (!domain || domain.kind !== "domain") return type;
    type = domain.baseType;
  }
  return type;
}

export default defineRule({
  id: "fk-type-mismatch",
  severity: "error",
  docs: {
    summary: "A foreign-key column whose type (or length, precision) differs from the column it references (`integer` referencing `bigint`, `varchar(20)` referencing `text`, `timestamp` referencing `timestamptz`).",
    why: "Every check and join casts across the two types, which can keep indexes from being used (and `timestamp` against `timestamptz` compares through the session's time zone); the narrower side caps the wider one: an `integer` foreign key to a `bigint` key fails once the parent's ids pass 2^31−1.",
    fix: "Give both columns the same type: usually widen the narrower one (`ALTER TABLE … ALTER COLUMN … TYPE bigint`; it rewrites the table and rechecks the foreign key).",
  },
  schema: (catalog) =>
    foreignKeys(catalog).flatMap(({ table: t, fk: c, target }) =>
      !target
        ? []
        : c.columns.flatMap((name, i) => {
            const column = t.columns.find((x) => x.name === name);
            const referenced = target.columns.find((x) => x.name === c.references.columns[i]);
            if (!column || !referenced || baseType(catalog, column.type) === baseType(catalog, referenced.type)) return [];
            return [
              {
                message: `foreign key ${c.name}: ${t.schema}.${t.name}.${name} is ${column.type} but references ${target.schema}.${target.name}.${referenced.name} of type ${referenced.type}`,
                object: `${t.schema}.${t.name}.${name}`,
                fix: {
                  title: "give the referencing column the referenced column's type (rewrites the table)",
                  sql: `ALTER TABLE ${qualified(t.schema, t.name)} ALTER COLUMN ${ident(name)} TYPE ${referenced.type};`,
                },
              },
            ];
          }),
    ),
});
