import type { DefaultPrivilege } from "../../catalog/model.js";
import type { DdlContext } from "./context.js";
import type { DdlPiece } from "./piece.js";

// PLACEHOLDER: being written this session.
export function defaultPrivilegePieces(_items: readonly DefaultPrivilege[], _ctx: DdlContext): DdlPiece[] {
  return [];
}
