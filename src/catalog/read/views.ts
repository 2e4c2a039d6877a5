import type { View } from "../model.js";
import type { ReadContext } from "./context.js";

// PLACEHOLDER: being written this session.
export async function readViews(_ctx: ReadContext): Promise<View[]> {
  return [];
}
