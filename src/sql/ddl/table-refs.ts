import type { ObjectId, QualifiedName } from "../../catalog/model.js";
import { objectId } from "../../catalog/object-id.js";
import type { DdlContext } from "./context.js";
import { qualifiedNamesIn, referencedIds } from "./type-refs.js";

/**
 * What a relation's texts (column types, defaults, CHECK expressions, queries) need before they can run, besides the
 * catalog's dependency edges: the user types, relations, collations and functions they name, and the sequences a
 * `nextval('…'::regclass)` names inside its string literal. `self` (the relation being created) is left out.
 */
export function relationRequires(ctx: DdlContext, self: readonly ObjectId[], ...texts: readonly (string | undefined)[]): ObjectId[] {
  const ids = new Set(referencedIds(ctx, ...texts));
  for (const text of texts) for (const s of sequencesIn(text)) ids.add(objectId.sequence(s));
  for (const id of self) ids.delete(id);
  return [...ids];
}

const REGCLASS_LITERAL = /'((?:[^']|'')*)'::regclass/g;

/** Sequences named by `'schema.name'::regclass` literals (what `nextval`, `currval` and `setval` take). */
export function sequencesIn(text: string | undefined): QualifiedName[] {
  if (text === undefined) return [];
  const found: QualifiedName[] = [];
  for (const m of text.matchAll(REGCLASS_LITERAL)) {
    const [ref] = qualifiedNamesIn(m[1]!.replaceAll("''", "'"));
    if (ref) found.push({ schema: ref.schema, name: ref.name });
  }
  return found;
}
