import type { Index } from "../model.js";
import type { ReadContext } from "./context.js";

// PLACEHOLDER: being written this session.
export async function readIndexes(_ctx: ReadContext): Promise<Index[]> {
  return [];
}
