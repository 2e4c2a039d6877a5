import type { Catalog, DomainType } from "./model.js";
import { normalizeExpression } from "./normalize-expression.js";
import { defined } from "./read/context.js";

type Lists = Omit<Catalog, "formatVersion" | "server" | "dependencies">;

/**
 * Puts every expression text of the catalog into the form PostgreSQL prints after reloading it (see
 * `normalize-expression.ts`): equal schemas then have equal text however they were created. Readers may already
 * have normalized some fields; the step is idempotent. View queries are normalized by their readers
 * (`read/view-columns.ts`), which parse them while other catalog queries run.
 */
export function normalizeCatalogText(lists: Lists): Lists {
  const optional = (text: string | undefined): string | undefined => (text === undefined ? undefined : normalizeExpression(text));
  return {
    ...lists,
    types: lists.types.map((t) => (t.kind === "domain" ? normalizeDomain(t) : t)),
    triggers: lists.triggers.map((t) =>
      withDefined({ ...t, definition: normalizeExpression(t.definition), when: optional(t.when) }),
    ),
    rules: lists.rules.map((r) => ({ ...r, definition: normalizeExpression(r.definition) })),
    policies: lists.policies.map((p) => withDefined({ ...p, using: optional(p.using), withCheck: optional(p.withCheck) })),
  };
}

function normalizeDomain(d: DomainType): DomainType {
  return withDefined({
    ...d,
    default: d.default === undefined ? undefined : normalizeExpression(d.default),
    constraints: d.constraints.map((k) => ({ ...k, definition: normalizeExpression(k.definition) })),
  });
}

/** Optional fields stay absent rather than present-and-undefined, for byte-stable JSON and deep equality. */
const withDefined = defined;
