import { canonicalJson, schemaContent } from "../catalog/canonical.js";
import type { Catalog } from "../catalog/model.js";
import type { ResolvedPlanOptions } from "./options.js";

/**
 * What a proof compares: the schema content, minus what the plan was told to leave alone. A plan made without
 * owners leaves new objects owned by whoever runs it; one made without privileges grants nothing. Comparing those
 * fields would fail every such proof for a difference the user asked for.
 */
export function comparableContent(catalog: Catalog, options: Pick<ResolvedPlanOptions, "owners" | "privileges">): unknown {
  const content = schemaContent(catalog);
  const masked = new Set<string>();
  if (!options.owners) masked.add("owner").add("grantor");
  if (!options.privileges) masked.add("acl");
  const stripped = masked.size === 0 ? content : strip(content, masked);
  return options.privileges ? stripped : { ...(stripped as object), defaultPrivileges: [] };
}

/** The comparable content as canonical JSON: equal text, equal schemas. */
export const comparableJson = (catalog: Catalog, options: Pick<ResolvedPlanOptions, "owners" | "privileges">): string =>
  canonicalJson(comparableContent(catalog, options));

function strip(value: unknown, keys: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => strip(v, keys));
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!keys.has(k)) out[k] = strip(v, keys);
  return out;
}
