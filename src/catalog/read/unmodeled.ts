import type { UnmodeledObject } from "../model.js";
import type { ReadContext } from "./context.js";

// PLACEHOLDER: being written this session.
export async function readUnmodeled(_ctx: ReadContext): Promise<UnmodeledObject[]> {
  return [];
}
