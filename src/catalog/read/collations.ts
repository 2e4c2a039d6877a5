import type { Collation } from "../model.js";
import { objectId } from "../object-id.js";
import { CATALOG } from "./catalog-objects.js";
import { type ReadContext, defined, textOf } from "./context.js";

const PROVIDERS: Readonly<Record<string, Collation["provider"]>> = { c: "libc", i: "icu", b: "builtin" };

export async function readCollations(ctx: ReadContext): Promise<Collation[]> {
  const rows = await ctx.rows("collations");
  return rows.map((r) => {
    const provider = PROVIDERS[String(r.provider)];
    if (provider === undefined) throw new Error(`collation ${String(r.name)}: unknown provider ${String(r.provider)}`);
    const lcCollate = textOf(r.lc_collate);
    const lcCtype = textOf(r.lc_ctype);
    // Before PostgreSQL 15 an ICU collation keeps its locale in collcollate (and collctype).
    const locale = provider === "libc" ? (lcCollate === lcCtype ? lcCollate : undefined) : (textOf(r.locale) ?? lcCollate);
    const split = provider === "libc" && lcCollate !== lcCtype;
    const q = { schema: String(r.schema), name: String(r.name) };
    ctx.register(CATALOG.collation, r.oid, objectId.collation(q));
    return defined<Collation>({
      ...q,
      owner: String(r.owner),
      provider,
      locale,
      lcCollate: split ? lcCollate : undefined,
      lcCtype: split ? lcCtype : undefined,
      deterministic: Boolean(r.deterministic),
      rules: textOf(r.rules),
      comment: textOf(r.comment),
    });
  });
}
