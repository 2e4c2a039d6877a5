import type { EventTrigger } from "../../catalog/model.js";
import type { DdlContext } from "./context.js";
import type { DdlPiece } from "./piece.js";

// PLACEHOLDER: being written this session.
export function eventTriggerPieces(_items: readonly EventTrigger[], _ctx: DdlContext): DdlPiece[] {
  return [];
}
