import type { Collation } from "../model.js";
import type { ReadContext } from "./context.js";

// PLACEHOLDER: being written this session.
export async function readCollations(_ctx: ReadContext): Promise<Collation[]> {
  return [];
}
