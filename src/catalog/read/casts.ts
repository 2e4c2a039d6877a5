import type { Cast } from "../model.js";
import { type ReadContext, defined, textOf } from "./context.js";
import { functionSignatureRef } from "./type-names.js";

const METHODS: Readonly<Record<string, Cast["method"]>> = { f: "function", i: "inout", b: "binary" };
const CONTEXTS: Readonly<Record<string, Cast["context"]>> = { e: "explicit", a: "assignment", i: "implicit" };

export async function readCasts(ctx: ReadContext): Promise<Cast[]> {
  const rows = await ctx.rows("casts");
  return rows.map((r) =>
    defined<Cast>({
      source: String(r.source),
      target: String(r.target),
      method: METHODS[String(r.method)]!,
      function: functionSignatureRef(r.function),
      context: CONTEXTS[String(r.context)]!,
      comment: textOf(r.comment),
    }),
  );
}
