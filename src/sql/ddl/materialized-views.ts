import type { MaterializedView } from "../../catalog/model.js";
import type { DdlContext } from "./context.js";
import type { DdlPiece } from "./piece.js";

// PLACEHOLDER: being written this session.
export function materializedViewPieces(_items: readonly MaterializedView[], _ctx: DdlContext): DdlPiece[] {
  return [];
}
