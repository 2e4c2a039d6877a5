import type { MaterializedView } from "../model.js";
import type { ReadContext } from "./context.js";

// PLACEHOLDER: being written this session.
export async function readMaterializedViews(_ctx: ReadContext): Promise<MaterializedView[]> {
  return [];
}
