import type { Policy } from "../model.js";
import { objectId } from "../object-id.js";
import { CATALOG } from "./catalog-objects.js";
import { type ReadContext, defined, listOf, textOf } from "./context.js";

/** `polcmd` letters (the ACL letters of the privilege each command needs; `*` for ALL). */
const COMMANDS: Record<string, Policy["command"]> = { "*": "all", r: "select", a: "insert", w: "update", d: "delete" };

export async function readPolicies(ctx: ReadContext): Promise<Policy[]> {
  const rows = await ctx.rows("policies");
  return rows.map((r) => {
    const command = COMMANDS[String(r.command)];
    if (command === undefined) throw new Error(`policy ${String(r.name)}: unknown polcmd ${String(r.command)}`);
    const table = { schema: String(r.schema), name: String(r.table_name) };
    const name = String(r.name);
    ctx.register(CATALOG.policy, r.oid, objectId.policy(table, name));
    return defined<Policy>({
      table,
      name,
      command,
      permissive: Boolean(r.permissive),
      roles: (listOf(r.roles) ?? ["PUBLIC"]).sort(),
      using: textOf(r.using_expression),
      withCheck: textOf(r.with_check),
      comment: textOf(r.comment),
    });
  });
}
