import type { Cast } from "../../catalog/model.js";
import { objectId } from "../../catalog/object-id.js";
import { commentPiece } from "./comment.js";
import type { DdlContext } from "./context.js";
import { type DdlPiece, piece } from "./piece.js";
import { referencedIds, routineIdsNamed } from "./type-refs.js";

const CONTEXT_CLAUSES = { explicit: "", assignment: " AS ASSIGNMENT", implicit: " AS IMPLICIT" } as const;

export function castPieces(casts: readonly Cast[], ctx: DdlContext): DdlPiece[] {
  return casts.flatMap((c) => {
    const id = objectId.cast(c.source, c.target);
    const pair = `(${c.source} AS ${c.target})`;
    const how = c.method === "function" ? `WITH FUNCTION ${c.function}` : c.method === "inout" ? "WITH INOUT" : "WITHOUT FUNCTION";
    return [
      piece({
        creates: [id],
        requires: [...referencedIds(ctx, c.source, c.target), ...routineIdsNamed(ctx, c.function)],
        statements: [`CREATE CAST ${pair} ${how}${CONTEXT_CLAUSES[c.context]};`],
        phase: "cast",
      }),
      ...commentPiece(id, `CAST ${pair}`, c.comment),
    ];
  });
}
