import type { TextSearchConfiguration, TextSearchDictionary } from "../model.js";
import type { ReadContext } from "./context.js";

// PLACEHOLDER: being written this session.
export async function readTextSearchConfigurations(_ctx: ReadContext): Promise<TextSearchConfiguration[]> {
  return [];
}
export async function readTextSearchDictionaries(_ctx: ReadContext): Promise<TextSearchDictionary[]> {
  return [];
}
