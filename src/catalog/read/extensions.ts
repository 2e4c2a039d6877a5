import type { Extension } from "../model.js";
import { objectId } from "../object-id.js";
import { CATALOG } from "./catalog-objects.js";
import { type ReadContext, defined, textOf } from "./context.js";

export async function readExtensions(ctx: ReadContext): Promise<Extension[]> {
  const rows = await ctx.rows("extensions");
  return rows.map((r) => {
    const name = String(r.name);
    ctx.register(CATALOG.extension, r.oid, objectId.extension(name));
    return defined<Extension>({
      name,
      schema: String(r.schema),
      version: String(r.version),
      comment: commentUnlessDefault(textOf(r.comment), textOf(r.control_comment)),
    });
  });
}

/**
 * CREATE EXTENSION sets the control file's comment itself, so that one is the default and stays out of the model.
 * A comment removed by `COMMENT ON EXTENSION … IS NULL` is kept as `""` (which COMMENT also takes for "none").
 */
function commentUnlessDefault(actual: string | undefined, controlFile: string | undefined): string | undefined {
  if (actual === controlFile) return undefined;
  return actual ?? "";
}
