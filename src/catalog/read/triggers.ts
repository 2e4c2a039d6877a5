import type { Trigger, TriggerEvent } from "../model.js";
import { objectId } from "../object-id.js";
import { CATALOG } from "./catalog-objects.js";
import { type ReadContext, defined, jsonOf, listOf, textOf } from "./context.js";

// `tgtype` bits, from PostgreSQL's catalog/pg_trigger.h.
const ROW = 1;
const BEFORE = 2;
const INSTEAD = 64;
const EVENT_BITS: readonly [TriggerEvent, number][] = [["insert", 4], ["update", 16], ["delete", 8], ["truncate", 32]];

export async function readTriggers(ctx: ReadContext): Promise<Trigger[]> {
  const rows = await ctx.rows("triggers");
  return rows.map((r) => {
    const bits = Number(r.type_bits);
    const definition = String(r.definition);
    const referencedTable =
      r.referenced_table == null ? undefined : { schema: String(r.referenced_schema), name: String(r.referenced_table) };
    const table = { schema: String(r.schema), name: String(r.table_name) };
    const name = String(r.name);
    const id = objectId.trigger(table, name);
    ctx.register(CATALOG.trigger, r.oid, id);
    if (r.constraint_oid != null) ctx.register(CATALOG.constraint, r.constraint_oid, id);
    return defined<Trigger>({
      table,
      name,
      function: { schema: String(r.function_schema), name: String(r.function_name) },
      arguments: jsonOf<string[]>(r.arguments),
      timing: bits & BEFORE ? "before" : bits & INSTEAD ? "instead of" : "after",
      events: EVENT_BITS.filter(([, bit]) => bits & bit).map(([event]) => event),
      updateColumns: listOf(r.update_columns),
      level: bits & ROW ? "row" : "statement",
      when: whenClauseOf(definition),
      constraint: r.is_constraint
        ? defined({ deferrable: Boolean(r.deferrable), initiallyDeferred: Boolean(r.initially_deferred), referencedTable })
        : undefined,
      oldTable: textOf(r.old_table),
      newTable: textOf(r.new_table),
      enabled: enabledState(r.enabled),
      definition,
      comment: textOf(r.comment),
    });
  });
}

/** `tgenabled`, `ev_enabled` and `evtenabled` share their letters; `O` (origin, the default) is left out. */
export function enabledState(letter: unknown): "disabled" | "replica" | "always" | undefined {
  switch (String(letter)) {
    case "D":
      return "disabled";
    case "R":
      return "replica";
    case "A":
      return "always";
    default:
      return undefined;
  }
}

/**
 * The condition of `… FOR EACH ROW WHEN (<condition>) EXECUTE FUNCTION …` in `pg_get_triggerdef` text. The catalog
 * keeps it as a node tree only `pg_get_triggerdef` can print (its OLD and NEW are two range-table entries that
 * `pg_get_expr` does not know), so it is cut from the printed statement. PostgreSQL prints keywords upper case and
 * bare identifiers lower case, and quotes everything else with `"…"` or `'…'` (quotes doubled inside), so the
 * keywords are found by skipping quoted text only.
 */
export function whenClauseOf(definition: string): string | undefined {
  const unquoted = maskQuoted(definition);
  const marker = /\bFOR EACH (?:ROW|STATEMENT) WHEN \(/.exec(unquoted);
  if (!marker) return undefined;
  const open = marker.index + marker[0].length - 1;
  let depth = 0;
  for (let i = open; i < unquoted.length; i++) {
    if (unquoted[i] === "(") depth++;
    else if (unquoted[i] === ")" && --depth === 0) return definition.slice(open + 1, i);
  }
  return undefined;
}

/** The text with every quoted identifier and string literal blanked out, same length. */
function maskQuoted(text: string): string {
  let out = "";
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote === undefined) {
      if (ch === '"' || ch === "'") quote = ch;
      out += ch;
    } else if (ch === quote && text[i + 1] === quote) {
      out += "  ";
      i++;
    } else if (ch === quote) {
      quote = undefined;
      out += ch;
    } else {
      out += " ";
    }
  }
  return out;
}
