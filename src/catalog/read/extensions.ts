import type { Extension } from "../model.js";
import type { ReadContext } from "./context.js";

// PLACEHOLDER: being written this session.
export async function readExtensions(_ctx: ReadContext): Promise<Extension[]> {
  return [];
}
