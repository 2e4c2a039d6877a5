import type { DefaultPrivilege } from "../model.js";
import type { ReadContext } from "./context.js";

// PLACEHOLDER: being written this session.
export async function readDefaultPrivileges(_ctx: ReadContext): Promise<DefaultPrivilege[]> {
  return [];
}
