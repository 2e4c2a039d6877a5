import type { Index } from "../../catalog/model.js";
import type { DdlContext } from "./context.js";
import type { DdlPiece } from "./piece.js";

// PLACEHOLDER: being written this session.
export function indexPieces(_items: readonly Index[], _ctx: DdlContext): DdlPiece[] {
  return [];
}
