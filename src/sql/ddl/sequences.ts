import type { Sequence } from "../../catalog/model.js";
import type { DdlContext } from "./context.js";
import type { DdlPiece } from "./piece.js";

// PLACEHOLDER: being written this session.
export function sequencePieces(_items: readonly Sequence[], _ctx: DdlContext): DdlPiece[] {
  return [];
}
