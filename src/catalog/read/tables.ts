import type { Table } from "../model.js";
import type { ReadContext } from "./context.js";

// PLACEHOLDER: being written this session.
export async function readTables(_ctx: ReadContext): Promise<Table[]> {
  return [];
}
