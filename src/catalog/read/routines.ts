import type { Routine } from "../model.js";
import type { ReadContext } from "./context.js";

// PLACEHOLDER: being written this session.
export async function readRoutines(_ctx: ReadContext): Promise<Routine[]> {
  return [];
}
