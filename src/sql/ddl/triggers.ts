import type { Trigger } from "../../catalog/model.js";
import type { DdlContext } from "./context.js";
import type { DdlPiece } from "./piece.js";

// PLACEHOLDER: being written this session.
export function triggerPieces(_items: readonly Trigger[], _ctx: DdlContext): DdlPiece[] {
  return [];
}
