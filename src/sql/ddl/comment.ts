import type { ObjectId } from "../../catalog/model.js";
import { literal } from "../ident.js";
import { type DdlPiece, piece } from "./piece.js";

/**
 * `COMMENT ON <target> IS '…'` as a piece after the object. `target` is SQL already quoted, e.g.
 * `TABLE public.users`, `COLUMN public.users.email`, `CONSTRAINT c ON public.users`.
 */
export function commentPiece(on: ObjectId, target: string, comment: string | undefined): DdlPiece[] {
  if (comment === undefined) return [];
  return [piece({ creates: [], requires: [on], statements: [`COMMENT ON ${target} IS ${literal(comment)};`], phase: "comment", key: on })];
}
