import type { Policy } from "../model.js";
import type { ReadContext } from "./context.js";

// PLACEHOLDER: being written this session.
export async function readPolicies(_ctx: ReadContext): Promise<Policy[]> {
  return [];
}
