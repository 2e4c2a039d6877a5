import type { ForeignServer } from "../model.js";
import type { ReadContext } from "./context.js";

// PLACEHOLDER: being written this session.
export async function readForeignServers(_ctx: ReadContext): Promise<ForeignServer[]> {
  return [];
}
