import type { ForeignServer } from "../../catalog/model.js";
import type { DdlContext } from "./context.js";
import type { DdlPiece } from "./piece.js";

// PLACEHOLDER: being written this session.
export function foreignServerPieces(_items: readonly ForeignServer[], _ctx: DdlContext): DdlPiece[] {
  return [];
}
