import type { Routine } from "../../catalog/model.js";
import type { DdlContext } from "./context.js";
import type { DdlPiece } from "./piece.js";

// PLACEHOLDER: being written this session.
export function routinePieces(_items: readonly Routine[], _ctx: DdlContext): DdlPiece[] {
  return [];
}
