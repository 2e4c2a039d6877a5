import type { TypeDefinition } from "../../catalog/model.js";
import type { DdlContext } from "./context.js";
import type { DdlPiece } from "./piece.js";

// PLACEHOLDER: being written this session.
export function typePieces(_items: readonly TypeDefinition[], _ctx: DdlContext): DdlPiece[] {
  return [];
}
