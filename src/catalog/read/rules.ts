import type { Rule } from "../model.js";
import { objectId } from "../object-id.js";
import { CATALOG } from "./catalog-objects.js";
import { type ReadContext, defined, textOf } from "./context.js";
import { enabledState } from "./triggers.js";

/** `ev_type` letters, from PostgreSQL's nodes/nodes.h `CmdType` as stored by the rewriter. */
const EVENTS: Record<string, Rule["event"]> = { "1": "select", "2": "update", "3": "insert", "4": "delete" };

export async function readRules(ctx: ReadContext): Promise<Rule[]> {
  const rows = await ctx.rows("rules");
  return rows.map((r) => {
    const event = EVENTS[String(r.event)];
    if (event === undefined) throw new Error(`rule ${String(r.name)}: unknown ev_type ${String(r.event)}`);
    const table = { schema: String(r.schema), name: String(r.table_name) };
    const name = String(r.name);
    ctx.register(CATALOG.rewrite, r.oid, objectId.rule(table, name));
    return defined<Rule>({
      table,
      name,
      event,
      instead: Boolean(r.instead),
      definition: String(r.definition),
      enabled: enabledState(r.enabled),
      comment: textOf(r.comment),
    });
  });
}
