import type { Table } from "../../catalog/model.js";
import type { DdlContext } from "./context.js";
import type { DdlPiece } from "./piece.js";

// PLACEHOLDER: being written this session.
export function tablePieces(_items: readonly Table[], _ctx: DdlContext): DdlPiece[] {
  return [];
}
