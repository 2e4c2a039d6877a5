import pluralize from "pluralize";

/** PostgreSQL's identifier limit in bytes (NAMEDATALEN - 1); longer names are truncated silently by the server. */
const MAX_IDENTIFIER_BYTES = 63;

/** `OrderItem`, `order-item`, `orderItem` → `order_item`. */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9_]+/g, "_")
    .replace(/_+/g, "_")
    .replace(/^_|_$/g, "")
    .toLowerCase();
}

/** The plural of the last word of a snake_case name: `order_item` → `order_items`, `person` → `people`. */
export function pluralName(name: string): string {
  const words = snakeCase(name).split("_");
  words[words.length - 1] = pluralize.plural(words[words.length - 1]!);
  return words.join("_");
}

export function singularName(name: string): string {
  const words = snakeCase(name).split("_");
  words[words.length - 1] = pluralize.singular(words[words.length - 1]!);
  return words.join("_");
}

const bytes = (s: string): number => Buffer.byteLength(s, "utf8");

function truncateBytes(s: string, max: number): string {
  let out = s;
  while (bytes(out) > max) out = out.slice(0, -1);
  return out;
}

/**
 * `{table}_{columns}_{suffix}` as PostgreSQL names constraints and indexes, shortened the way the server's
 * `makeObjectName` does (the longer of table and columns loses characters first), so the name we print is the name
 * the server keeps.
 */
export function objectName(table: string, columns: readonly string[], suffix: string): string {
  let a = table;
  let b = columns.join("_");
  const fixed = bytes(suffix) + (b === "" ? 1 : 2);
  while (bytes(a) + bytes(b) + fixed > MAX_IDENTIFIER_BYTES) {
    if (bytes(a) >= bytes(b)) a = truncateBytes(a, bytes(a) - 1);
    else b = truncateBytes(b, bytes(b) - 1);
  }
  return [a, b, suffix].filter((p) => p !== "").join("_");
}
