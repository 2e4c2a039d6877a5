import type { Cast } from "../model.js";
import type { ReadContext } from "./context.js";

// PLACEHOLDER: being written this session.
export async function readCasts(_ctx: ReadContext): Promise<Cast[]> {
  return [];
}
