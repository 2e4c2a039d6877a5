import type { TextSearchConfiguration, TextSearchDictionary } from "../model.js";
import { objectId } from "../object-id.js";
import { CATALOG } from "./catalog-objects.js";
import { type ReadContext, defined, jsonOf, textOf } from "./context.js";
import { qualifiedRef } from "./type-names.js";

export async function readTextSearchConfigurations(ctx: ReadContext): Promise<TextSearchConfiguration[]> {
  const rows = await ctx.rows("ts-configs");
  return rows.map((r) => {
    const q = { schema: String(r.schema), name: String(r.name) };
    ctx.register(CATALOG.tsConfig, r.oid, objectId.textSearchConfiguration(q));
    return defined<TextSearchConfiguration>({
      ...q,
      owner: String(r.owner),
      parser: qualifiedRef(r.parser)!,
      mappings: (jsonOf<[string, [string, string][]][]>(r.mappings) ?? []).map(([tokenType, dictionaries]) => ({
        tokenType,
        dictionaries: dictionaries.map((d) => qualifiedRef(d)!),
      })),
      comment: textOf(r.comment),
    });
  });
}

export async function readTextSearchDictionaries(ctx: ReadContext): Promise<TextSearchDictionary[]> {
  const rows = await ctx.rows("ts-dictionaries");
  return rows.map((r) => {
    const q = { schema: String(r.schema), name: String(r.name) };
    ctx.register(CATALOG.tsDict, r.oid, objectId.textSearchDictionary(q));
    return defined<TextSearchDictionary>({
      ...q,
      owner: String(r.owner),
      template: qualifiedRef(r.template)!,
      options: textOf(r.options),
      comment: textOf(r.comment),
    });
  });
}
