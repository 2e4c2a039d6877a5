import type { TextSearchConfiguration, TextSearchDictionary } from "../../catalog/model.js";
import { objectId } from "../../catalog/object-id.js";
import { ident, qname } from "../ident.js";
import { ownerStatement } from "./acl.js";
import { commentPiece } from "./comment.js";
import type { DdlContext } from "./context.js";
import { type DdlPiece, piece } from "./piece.js";
import { qualifiedNamesIn } from "./type-refs.js";

/**
 * A configuration is created empty from its parser and then given its mappings: `COPY = other` is not stored, so
 * the mappings are the whole truth.
 */
export function textSearchConfigurationPieces(configurations: readonly TextSearchConfiguration[], ctx: DdlContext): DdlPiece[] {
  return configurations.flatMap((c) => {
    const id = objectId.textSearchConfiguration(c);
    const name = qname(c);
    const statements = [
      `CREATE TEXT SEARCH CONFIGURATION ${name} (PARSER = ${c.parser});`,
      ...c.mappings.map(
        (m) => `ALTER TEXT SEARCH CONFIGURATION ${name} ADD MAPPING FOR ${ident(m.tokenType)} WITH ${m.dictionaries.join(", ")};`,
      ),
    ];
    if (ctx.owners) statements.push(ownerStatement("TEXT SEARCH CONFIGURATION", name, c.owner));
    const dictionaries = c.mappings.flatMap((m) => m.dictionaries.flatMap(qualifiedNamesIn));
    return [
      piece({
        creates: [id],
        requires: [objectId.schema(c.schema), ...new Set(dictionaries.map((d) => objectId.textSearchDictionary(d)))],
        statements,
        phase: "text-search",
      }),
      ...commentPiece(id, `TEXT SEARCH CONFIGURATION ${name}`, c.comment),
    ];
  });
}

export function textSearchDictionaryPieces(dictionaries: readonly TextSearchDictionary[], ctx: DdlContext): DdlPiece[] {
  return dictionaries.flatMap((d) => {
    const id = objectId.textSearchDictionary(d);
    const name = qname(d);
    const options = d.options === undefined ? "" : `, ${d.options}`;
    const statements = [`CREATE TEXT SEARCH DICTIONARY ${name} (TEMPLATE = ${d.template}${options});`];
    if (ctx.owners) statements.push(ownerStatement("TEXT SEARCH DICTIONARY", name, d.owner));
    return [
      piece({ creates: [id], requires: [objectId.schema(d.schema)], statements, phase: "text-search" }),
      ...commentPiece(id, `TEXT SEARCH DICTIONARY ${name}`, d.comment),
    ];
  });
}
