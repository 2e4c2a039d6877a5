/**
 * Scanning helpers for SQL text as PostgreSQL prints it: find brackets, commas and keywords outside quoted strings,
 * quoted identifiers and dollar quotes. Used to normalize deparsed text, never to interpret user input.
 */

/** The index of the bracket closing the one at `open`, skipping quoted text and nested brackets of both kinds. */
export function matching(text: string, open: number, left: string, right: string): number | undefined {
  let depth = 0;
  let i = open;
  while (i < text.length) {
    const skipped = skipQuoted(text, i);
    if (skipped > i) {
      i = skipped;
      continue;
    }
    const c = text[i]!;
    if (c === left || c === "(" || c === "[") depth++;
    else if (c === right || c === ")" || c === "]") {
      depth--;
      if (depth === 0) return c === right ? i : undefined;
    }
    i++;
  }
  return undefined;
}

/** Splits at commas outside brackets and quotes. */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  let i = 0;
  while (i < text.length) {
    const skipped = skipQuoted(text, i);
    if (skipped > i) {
      i = skipped;
      continue;
    }
    const c = text[i]!;
    if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    else if (c === "," && depth === 0) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
    i++;
  }
  parts.push(text.slice(from));
  return parts;
}

/** If a quoted token (string, E-string, identifier, dollar quote) starts at `i`, the index after it; else `i`. */
export function skipQuoted(text: string, i: number): number {
  const c = text[i];
  if (c === "'") {
    const escapes = i > 0 && (text[i - 1] === "E" || text[i - 1] === "e");
    let j = i + 1;
    while (j < text.length) {
      if (escapes && text[j] === "\\") j += 2;
      else if (text[j] === "'" && text[j + 1] === "'") j += 2;
      else if (text[j] === "'") return j + 1;
      else j++;
    }
    return text.length;
  }
  if (c === '"') {
    let j = i + 1;
    while (j < text.length) {
      if (text[j] === '"' && text[j + 1] === '"') j += 2;
      else if (text[j] === '"') return j + 1;
      else j++;
    }
    return text.length;
  }
  if (c === "$") {
    const tag = /^\$[A-Za-z_]*\$/.exec(text.slice(i, i + 64))?.[0];
    if (tag && !(i > 0 && /\w/.test(text[i - 1]!))) {
      const end = text.indexOf(tag, i + tag.length);
      return end === -1 ? text.length : end + tag.length;
    }
  }
  return i;
}
