/**
 * Which index keys carry an explicit COLLATE or operator class. PostgreSQL prints them in `pg_get_indexdef` exactly
 * when they are not what it would pick by default (the key's collation; `GetDefaultOpClass` for the key's type, or
 * any class given options), so the definition is read instead of redoing that choice in SQL.
 *
 * Each key's text (`pg_get_indexdef(oid, n, false)`) appears verbatim in the definition, followed by
 * `[ COLLATE name][ opclass[ (options)]][ DESC][ NULLS FIRST|LAST]` and then `, ` or `)`.
 */
export interface KeyDecoration {
  readonly collation: boolean;
  readonly opclass: boolean;
}

export function keyDecorations(definition: string, method: string, keyTexts: readonly string[]): KeyDecoration[] | undefined {
  // The index or table name could itself hold ` USING btree (`: take the first place the keys parse from.
  const marker = ` USING ${method} (`;
  for (let at = definition.indexOf(marker); at !== -1; at = definition.indexOf(marker, at + 1)) {
    const parsed = parseKeys(definition, at + marker.length, keyTexts);
    if (parsed) return parsed;
  }
  return undefined;
}

function parseKeys(text: string, start: number, keyTexts: readonly string[]): KeyDecoration[] | undefined {
  const result: KeyDecoration[] = [];
  let p = start;
  for (const [i, key] of keyTexts.entries()) {
    if (!text.startsWith(key, p)) return undefined;
    p += key.length;
    let collation = false;
    let opclass = false;
    if (text.startsWith(" COLLATE ", p)) {
      collation = true;
      p = skipName(text, p + " COLLATE ".length);
    }
    if (text[p] === " " && !/^ (ASC|DESC|NULLS )/.test(text.slice(p, p + 7))) {
      opclass = true;
      p = skipName(text, p + 1);
      if (text.startsWith(" (", p)) p = skipParenthesized(text, p + 1);
    }
    if (text.startsWith(" DESC", p)) p += " DESC".length;
    if (text.startsWith(" NULLS FIRST", p)) p += " NULLS FIRST".length;
    else if (text.startsWith(" NULLS LAST", p)) p += " NULLS LAST".length;
    const separator = i === keyTexts.length - 1 ? ")" : ", ";
    if (!text.startsWith(separator, p)) return undefined;
    p += separator.length;
    result.push({ collation, opclass });
  }
  return result;
}

/** Past a possibly qualified, possibly quoted name. */
function skipName(text: string, start: number): number {
  let p = start;
  for (;;) {
    if (text[p] === '"') {
      p++;
      while (p < text.length && !(text[p] === '"' && text[p + 1] !== '"')) p += text[p] === '"' ? 2 : 1;
      p++;
    } else {
      while (p < text.length && /[^\s.,()"]/.test(text[p]!)) p++;
    }
    if (text[p] !== ".") return p;
    p++;
  }
}

/** Past a parenthesized group starting at `start`, minding quotes. */
function skipParenthesized(text: string, start: number): number {
  let depth = 0;
  let p = start;
  while (p < text.length) {
    const c = text[p]!;
    if (c === "'" || c === '"') {
      p++;
      while (p < text.length && !(text[p] === c && text[p + 1] !== c)) p += text[p] === c ? 2 : 1;
    } else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return p + 1;
    p++;
  }
  return p;
}
