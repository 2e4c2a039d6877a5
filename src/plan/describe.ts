import type { ObjectId } from "../catalog/model.js";

const NOUNS: Readonly<Record<string, string>> = {
  "materialized-view": "materialized view",
  "event-trigger": "event trigger",
  "text-search-configuration": "text search configuration",
  "text-search-dictionary": "text search dictionary",
  "foreign-server": "server",
  "default-privilege": "default privileges",
};

/** `table:public.users` → `table public.users`: how steps and notes name an object. */
export function describe(id: ObjectId): string {
  const colon = id.indexOf(":");
  const kind = id.slice(0, colon);
  return `${NOUNS[kind] ?? kind} ${id.slice(colon + 1)}`;
}
