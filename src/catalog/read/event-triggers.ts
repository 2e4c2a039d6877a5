import type { EventTrigger } from "../model.js";
import type { ReadContext } from "./context.js";

// PLACEHOLDER: being written this session.
export async function readEventTriggers(_ctx: ReadContext): Promise<EventTrigger[]> {
  return [];
}
