import type { TypeDefinition } from "../model.js";
import type { ReadContext } from "./context.js";

// PLACEHOLDER: being written this session.
export async function readTypes(_ctx: ReadContext): Promise<TypeDefinition[]> {
  return [];
}
