import type { Trigger } from "../model.js";
import type { ReadContext } from "./context.js";

// PLACEHOLDER: being written this session.
export async function readTriggers(_ctx: ReadContext): Promise<Trigger[]> {
  return [];
}
