import { loadParser } from "../sql/parser.js";
import type { Catalog, DomainType, MaterializedView, View } from "./model.js";
import { normalizeExpression } from "./normalize-expression.js";
import { defined } from "./read/context.js";
import { mayHaveSetOperation, stripSetOperationAliases } from "./normalize-query.js";

type Lists = Omit<Catalog, "formatVersion" | "server" | "dependencies">;

/**
 * Puts every expression and query text of the catalog into the form PostgreSQL prints after reloading it (see
 * `normalize-expression.ts`, `normalize-query.ts`): equal schemas then have equal text however they were created.
 * Readers may already have normalized some fields; both steps are idempotent.
 */
export async function normalizeCatalogText(lists: Lists): Promise<Lists> {
  const queries = [...lists.views, ...lists.materializedViews].filter((v) => mayHaveSetOperation(v.definition));
  const parser = queries.length > 0 ? await loadParser() : undefined;
  const query = (text: string): string => {
    const normalized = normalizeExpression(text);
    return parser && mayHaveSetOperation(normalized) ? stripSetOperationAliases(normalized, parser) : normalized;
  };
  const optional = (text: string | undefined): string | undefined => (text === undefined ? undefined : normalizeExpression(text));
  return {
    ...lists,
    types: lists.types.map((t) => (t.kind === "domain" ? normalizeDomain(t) : t)),
    views: lists.views.map((v): View => ({ ...v, definition: query(v.definition) })),
    materializedViews: lists.materializedViews.map((m): MaterializedView => ({ ...m, definition: query(m.definition) })),
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
