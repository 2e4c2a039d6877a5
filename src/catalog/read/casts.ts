import type { Cast } from "../model.js";
import { objectId } from "../object-id.js";
import { CATALOG } from "./catalog-objects.js";
import { type ReadContext, defined, textOf } from "./context.js";
import { functionSignatureRef } from "./type-names.js";

const METHODS: Readonly<Record<string, Cast["method"]>> = { f: "function", i: "inout", b: "binary" };
const CONTEXTS: Readonly<Record<string, Cast["context"]>> = { e: "explicit", a: "assignment", i: "implicit" };

export async function readCasts(ctx: ReadContext): Promise<Cast[]> {
  const rows = await ctx.rows("casts");
  return rows.map((r) => {
    const source = String(r.source);
    const target = String(r.target);
    ctx.register(CATALOG.cast, r.oid, objectId.cast(source, target));
    return defined<Cast>({
      source,
      target,
      method: METHODS[String(r.method)]!,
      function: functionSignatureRef(r.function),
      context: CONTEXTS[String(r.context)]!,
      comment: textOf(r.comment),
    });
  });
}
