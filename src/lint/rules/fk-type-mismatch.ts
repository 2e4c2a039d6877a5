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

/** The length cap of a text-like type (`text`, `varchar`: none), or undefined for other types. */
function textCap(type: string): number | undefined {
  if (type === "text" || type === "character varying") return Infinity;
  const m = /^character varying\((\d+)\)$/.exec(type);
  return m ? Number(m[1]) : undefined;
}

/**
 * Whether the pair is harmless: text-like types compare without a cast (varchar is binary-coercible to text), so only
 * a referencing column narrower than the referenced one matters (it caps which rows can be referenced).
 */
function textWideEnough(child: string, parent: string): boolean {
  const [c, p] = [textCap(child), textCap(parent)];
  return c !== undefined && p !== undefined && c >= p;
}

export default defineRule({
  id: "fk-type-mismatch",
  severity: "error",
  docs: {
    summary: "A foreign-key column whose type (or length, precision) differs from the column it references (`integer` referencing `bigint`, `varchar(20)` referencing `text`, `timestamp` referencing `timestamptz`). A text-like column at least as wide as the one it references (`text` referencing `varchar(20)`) is not flagged: the two compare without a cast.",
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
            if (!column || !referenced) return [];
            const [child, parent] = [baseType(catalog, column.type), baseType(catalog, referenced.type)];
            if (child === parent || textWideEnough(child, parent)) return [];
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
