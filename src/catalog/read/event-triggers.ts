import type { EventTrigger } from "../model.js";
import { objectId } from "../object-id.js";
import { CATALOG } from "./catalog-objects.js";
import { type ReadContext, defined, listOf, textOf } from "./context.js";
import { enabledState } from "./triggers.js";

export async function readEventTriggers(ctx: ReadContext): Promise<EventTrigger[]> {
  const rows = await ctx.rows("event-triggers");
  return rows.map((r) => {
    const name = String(r.name);
    ctx.register(CATALOG.eventTrigger, r.oid, objectId.eventTrigger(name));
    return defined<EventTrigger>({
      name,
      owner: String(r.owner),
      event: String(r.event),
      tags: listOf(r.tags)?.sort(),
      function: { schema: String(r.function_schema), name: String(r.function_name) },
      enabled: enabledState(r.enabled),
      comment: textOf(r.comment),
    });
  });
}
