import type { Rule } from "../model.js";
import type { ReadContext } from "./context.js";

// PLACEHOLDER: being written this session.
export async function readRules(_ctx: ReadContext): Promise<Rule[]> {
  return [];
}
