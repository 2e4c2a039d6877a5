import { ident, literal } from "../ident.js";

/**
 * Option lists as stored (`name=value`) back to SQL. Values are written as literals, which PostgreSQL accepts for
 * every option type, so nothing depends on guessing whether a value is a number, a keyword or a name.
 */

/** ` WITH (fillfactor='70', toast.autovacuum_enabled='false')`, or "" for none. */
export function withClause(parameters: readonly string[] | undefined): string {
  if (!parameters || parameters.length === 0) return "";
  return ` WITH (${parameters.map(storageParameter).join(", ")})`;
}

/** `fillfactor='70'`; a `toast.` or other namespace prefix stays as it is. */
export function storageParameter(option: string): string {
  const [name, value] = splitOption(option);
  const parts = name.split(".");
  return `${parts.map(ident).join(".")}=${literal(value)}`;
}

/** ` OPTIONS (filename '/x', "Odd Key" 'v')` for foreign tables and their columns, or "" for none. */
export function genericOptions(options: readonly string[] | undefined): string {
  if (!options || options.length === 0) return "";
  return ` OPTIONS (${options.map((o) => {
    const [name, value] = splitOption(o);
    return `${ident(name)} ${literal(value)}`;
  }).join(", ")})`;
}

function splitOption(option: string): [string, string] {
  const eq = option.indexOf("=");
  return eq === -1 ? [option, ""] : [option.slice(0, eq), option.slice(eq + 1)];
}
