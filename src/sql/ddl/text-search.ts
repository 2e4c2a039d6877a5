import type { TextSearchConfiguration, TextSearchDictionary } from "../../catalog/model.js";
import type { DdlContext } from "./context.js";
import type { DdlPiece } from "./piece.js";

// PLACEHOLDER: being written this session.
export function textSearchConfigurationPieces(_items: readonly TextSearchConfiguration[], _ctx: DdlContext): DdlPiece[] {
  return [];
}
export function textSearchDictionaryPieces(_items: readonly TextSearchDictionary[], _ctx: DdlContext): DdlPiece[] {
  return [];
}
