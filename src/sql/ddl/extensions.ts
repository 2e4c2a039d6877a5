import type { Extension } from "../../catalog/model.js";
import type { DdlContext } from "./context.js";
import type { DdlPiece } from "./piece.js";

// PLACEHOLDER: being written this session.
export function extensionPieces(_items: readonly Extension[], _ctx: DdlContext): DdlPiece[] {
  return [];
}
