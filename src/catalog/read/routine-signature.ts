import { ident } from "../../sql/ident.js";

/**
 * The argument lists of a routine, printed from `pg_proc` columns the way PostgreSQL's `print_function_arguments`
 * does (ruleutils.c), but with our quoting, so the text does not depend on the server's keyword list.
 */
export interface RawArguments {
  /** `format_type` of every argument, in `proallargtypes` order (or `proargtypes` when all are IN). */
  readonly types: readonly string[];
  /** `proargmodes`: i, o, b (INOUT), v (VARIADIC), t (TABLE); absent when all are IN. */
  readonly modes?: readonly string[];
  /** `proargnames`; an empty string for an unnamed argument. */
  readonly names?: readonly string[];
  /** `pg_get_function_arg_default` of every argument (null for none). */
  readonly defaults?: readonly (string | null)[];
  readonly isProcedure: boolean;
  /** For ordered-set aggregates: `aggnumdirectargs`, where `ORDER BY` goes. */
  readonly orderByAt?: number;
}

const MODE_WORDS: Readonly<Record<string, { word: string; input: boolean }>> = {
  i: { word: "", input: true },
  o: { word: "OUT ", input: false },
  b: { word: "INOUT ", input: true },
  v: { word: "VARIADIC ", input: true },
  t: { word: "", input: false },
};

function print(args: RawArguments, tableArgs: boolean, withDefaults: boolean): { text: string; count: number } {
  const orderByAt = args.orderByAt ?? -1;
  let text = "";
  let printed = 0;
  let defaults = withDefaults;
  for (let i = 0; i < args.types.length; i++) {
    const mode = args.modes?.[i] ?? "i";
    const { word, input } = MODE_WORDS[mode] ?? MODE_WORDS.i!;
    if (tableArgs !== (mode === "t")) continue;
    if (printed === orderByAt) text += printed > 0 ? " ORDER BY " : "ORDER BY ";
    else if (printed > 0) text += ", ";
    // Procedures mark IN explicitly, so a DROP PROCEDURE signature cannot be misread (PostgreSQL 14+).
    text += mode === "i" && args.isProcedure ? "IN " : word;
    const name = args.names?.[i];
    if (name) text += `${ident(name)} `;
    text += args.types[i];
    const fallback = args.defaults?.[i];
    if (defaults && input && fallback != null) text += ` DEFAULT ${fallback}`;
    printed++;
    // A variadic ordered-set aggregate lists its last argument on both sides of ORDER BY.
    if (printed === orderByAt && i === args.types.length - 1) {
      i--;
      defaults = false;
    }
  }
  return { text, count: printed };
}

/** `pg_get_function_identity_arguments`. */
export function identityArguments(args: RawArguments): string {
  return print(args, false, false).text;
}

/** `pg_get_function_arguments`. */
export function fullArguments(args: RawArguments): string {
  return print(args, false, true).text;
}

/** `pg_get_function_result`: `TABLE(…)` when there are TABLE arguments, else `[SETOF ]type`. */
export function resultType(args: RawArguments, returnsSet: boolean, returnType: string): string {
  if (returnsSet) {
    const table = print(args, true, false);
    if (table.count > 0) return `TABLE(${table.text})`;
  }
  return `${returnsSet ? "SETOF " : ""}${returnType}`;
}
