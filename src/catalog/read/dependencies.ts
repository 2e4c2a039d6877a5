import type { Dependency, ObjectId } from "../model.js";
import type { ReadContext } from "./context.js";

// PLACEHOLDER: being written this session.
export async function readDependencies(_ctx: ReadContext, _known: ReadonlySet<ObjectId>): Promise<Dependency[]> {
  return [];
}
