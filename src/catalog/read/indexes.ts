import type { Index, IndexKey, QualifiedName } from "../model.js";
import { normalizeExpression } from "../normalize-expression.js";
import { objectId } from "../object-id.js";
import { CATALOG } from "./catalog-objects.js";
import { type ReadContext, defined, jsonOf, listOf, textOf } from "./context.js";
import { type KeyDecoration, keyDecorations } from "./index-keys.js";
import { sortedList } from "./table-columns.js";
import { qualifiedRef } from "./type-names.js";

export async function readIndexes(ctx: ReadContext): Promise<Index[]> {
  const rows = await ctx.rows("indexes");
  return rows.map((r) => {
    const schema = String(r.schema);
    const partitionOf = jsonOf<[string, string]>(r.partition_of);
    const keyRows = jsonOf<KeyRow[]>(r.keys) ?? [];
    const definition = String(r.definition);
    // Should the definition ever not parse, every key keeps its class and collation: still a faithful model.
    const decorations = keyDecorations(definition, String(r.method), keyRows.map((k) => k.text));
    const name = String(r.name);
    // Every column of an index is the index.
    ctx.register(CATALOG.class, r.oid, objectId.index({ schema, name }));
    return defined<Index>({
      schema,
      name,
      table: { schema, name: String(r.table_name) },
      method: String(r.method),
      unique: r.is_unique === true,
      nullsNotDistinct: r.nulls_not_distinct === true ? true : undefined,
      keys: keyRows.map((k, i) => keyOf(k, decorations?.[i] ?? { collation: true, opclass: true })),
      include: listOf(r.include),
      predicate: r.predicate == null ? undefined : normalizeExpression(String(r.predicate)),
      storageParameters: sortedList(r.reloptions),
      constraint: textOf(r.constraint_name),
      partitionOf: partitionOf && ({ schema: partitionOf[0], name: partitionOf[1] } satisfies QualifiedName),
      clustered: r.clustered === true ? true : undefined,
      invalid: r.valid === false ? true : undefined,
      tablespace: textOf(r.tablespace),
      definition: normalizeExpression(definition),
      comment: textOf(r.comment),
    });
  });
}

interface KeyRow {
  column: string | null;
  text: string;
  opclass: [string, string];
  opclassOptions: string[] | null;
  collation: [string, string] | null;
  descending: boolean;
  nullsFirst: boolean;
  statistics: number | null;
}

function keyOf(k: KeyRow, shown: KeyDecoration): IndexKey {
  return defined<IndexKey>({
    column: k.column ?? undefined,
    expression: k.column === null ? normalizeExpression(k.text) : undefined,
    opclass: shown.opclass ? qualifiedRef(k.opclass) : undefined,
    opclassOptions: k.opclassOptions && k.opclassOptions.length > 0 ? [...k.opclassOptions].sort() : undefined,
    collation: shown.collation && k.collation ? qualifiedRef(k.collation) : undefined,
    descending: k.descending ? true : undefined,
    // The default is NULLS LAST ascending and NULLS FIRST descending.
    nullsFirst: k.nullsFirst === k.descending ? undefined : k.nullsFirst,
    statistics: k.statistics ?? undefined,
  });
}
