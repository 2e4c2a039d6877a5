import type { Collation } from "../../catalog/model.js";
import type { DdlContext } from "./context.js";
import type { DdlPiece } from "./piece.js";

// PLACEHOLDER: being written this session.
export function collationPieces(_items: readonly Collation[], _ctx: DdlContext): DdlPiece[] {
  return [];
}
