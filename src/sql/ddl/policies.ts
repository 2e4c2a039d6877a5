import type { Policy } from "../../catalog/model.js";
import type { DdlContext } from "./context.js";
import type { DdlPiece } from "./piece.js";

// PLACEHOLDER: being written this session.
export function policyPieces(_items: readonly Policy[], _ctx: DdlContext): DdlPiece[] {
  return [];
}
