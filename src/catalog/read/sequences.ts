import type { Sequence } from "../model.js";
import type { ReadContext } from "./context.js";

// PLACEHOLDER: being written this session.
export async function readSequences(_ctx: ReadContext): Promise<Sequence[]> {
  return [];
}
