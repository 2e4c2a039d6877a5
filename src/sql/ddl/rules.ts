import type { Rule } from "../../catalog/model.js";
import type { DdlContext } from "./context.js";
import type { DdlPiece } from "./piece.js";

// PLACEHOLDER: being written this session.
export function rulePieces(_items: readonly Rule[], _ctx: DdlContext): DdlPiece[] {
  return [];
}
