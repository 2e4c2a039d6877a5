import type { Cast } from "../../catalog/model.js";
import type { DdlContext } from "./context.js";
import type { DdlPiece } from "./piece.js";

// PLACEHOLDER: being written this session.
export function castPieces(_items: readonly Cast[], _ctx: DdlContext): DdlPiece[] {
  return [];
}
