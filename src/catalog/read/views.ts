import type { View } from "../model.js";
import { objectId } from "../object-id.js";
import { aclFrom } from "./acl.js";
import { CATALOG } from "./catalog-objects.js";
import { type ReadContext, defined, listOf, registerRelation, textOf } from "./context.js";
import { readViewColumns, viewQueries } from "./view-columns.js";

export async function readViews(ctx: ReadContext): Promise<View[]> {
  const [rows, columns] = await Promise.all([ctx.rows("views"), readViewColumns(ctx, "v")]);
  const definitions = await viewQueries(rows.map((r) => r.definition));
  return rows.map((r, i) => {
    const owner = String(r.owner);
    const options = viewOptions(listOf(r.reloptions) ?? []);
    const q = { schema: String(r.schema), name: String(r.name) };
    const id = objectId.view(q);
    registerRelation(ctx, r, id, 0);
    if (r.return_rule != null) ctx.register(CATALOG.rewrite, r.return_rule, id);
    return defined<View>({
      ...q,
      owner,
      comment: textOf(r.comment),
      acl: aclFrom(r.acl, r.acl_default, owner),
      definition: definitions[i]!,
      columns: columns.get(`${String(r.schema)}\u0000${String(r.name)}`) ?? [],
      ...options,
    });
  });
}

/** Boolean spellings PostgreSQL accepts for a reloption (`parse_bool`), lowercased. */
const TRUE = /^(t|tr|tru|true|y|ye|yes|on|1)$/;
const FALSE = /^(f|fa|fal|fals|false|n|no|of|off|0)$/;

/**
 * The view options the model names, from `reloptions`. A boolean set to false behaves like one never set, so it is
 * left out like the default; anything else stays in `storageParameters`, sorted.
 */
function viewOptions(reloptions: readonly string[]): Pick<View, "checkOption" | "securityBarrier" | "securityInvoker" | "storageParameters"> {
  const result: { -readonly [K in keyof View]?: View[K] } = {};
  const rest: string[] = [];
  for (const option of reloptions) {
    const eq = option.indexOf("=");
    const name = option.slice(0, eq);
    const value = option.slice(eq + 1).toLowerCase();
    if (name === "check_option" && (value === "local" || value === "cascaded")) result.checkOption = value;
    else if ((name === "security_barrier" || name === "security_invoker") && (TRUE.test(value) || FALSE.test(value))) {
      if (TRUE.test(value)) result[name === "security_barrier" ? "securityBarrier" : "securityInvoker"] = true;
    } else rest.push(option);
  }
  if (rest.length > 0) result.storageParameters = rest.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return result;
}
