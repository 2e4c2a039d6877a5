import type { UnmodeledObject } from "../model.js";
import { type ReadContext, defined, textOf } from "./context.js";

/** What the model cannot hold, as PostgreSQL identifies it (`pg_identify_object`): see `queries/unmodeled.sql`. */
export async function readUnmodeled(ctx: ReadContext): Promise<UnmodeledObject[]> {
  const rows = await ctx.rows("unmodeled");
  return rows.map((r) =>
    defined<UnmodeledObject>({ kind: String(r.kind), identity: String(r.identity), schema: textOf(r.schema) }),
  );
}
