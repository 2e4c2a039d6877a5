import type { View } from "../../catalog/model.js";
import type { DdlContext } from "./context.js";
import type { DdlPiece } from "./piece.js";

// PLACEHOLDER: being written this session.
export function viewPieces(_items: readonly View[], _ctx: DdlContext): DdlPiece[] {
  return [];
}
