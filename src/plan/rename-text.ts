import { ident } from "../sql/ident.js";

const WORD = /[A-Za-z0-9_$\u0080-\uffff]/;

/**
 * Replaces the identifier `from` by `to` wherever it stands as a whole identifier in SQL text printed by
 * PostgreSQL: not inside string literals, not as part of a longer or qualified name (`x.from` is another
 * relation's column), not as a function name (`from(`). Names are raw; quoting follows `ident`.
 */
export function renameIdentifier(text: string, from: string, to: string): string {
  const old = ident(from);
  const next = ident(to);
  let out = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === "'") {
      const end = literalEnd(text, i);
      out += text.slice(i, end);
      i = end;
      continue;
    }
    if (text.startsWith(old, i) && boundaryBefore(text, i) && boundaryAfter(text, i + old.length)) {
      out += next;
      i += old.length;
      continue;
    }
    if (ch === '"') {
      const end = quotedEnd(text, i);
      out += text.slice(i, end);
      i = end;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** Replaces a qualified name (`schema.name`, each part quoted as needed) as a whole. */
export function renameQualified(text: string, schema: string, from: string, to: string): string {
  const old = `${ident(schema)}.${ident(from)}`;
  const next = `${ident(schema)}.${ident(to)}`;
  let out = "";
  let i = 0;
  while (i < text.length) {
    if (text[i] === "'") {
      // A regclass literal names the relation itself: 'public.users_id_seq'::regclass.
      const end = literalEnd(text, i);
      out += text.slice(i, end) === `'${old.replaceAll("'", "''")}'` ? `'${next.replaceAll("'", "''")}'` : text.slice(i, end);
      i = end;
      continue;
    }
    if (text.startsWith(old, i) && boundaryBefore(text, i) && boundaryAfter(text, i + old.length, true)) {
      out += next;
      i += old.length;
      continue;
    }
    out += text[i];
    i++;
  }
  return out;
}

function boundaryBefore(text: string, i: number): boolean {
  const prev = text[i - 1];
  return prev === undefined || (!WORD.test(prev) && prev !== "." && prev !== '"');
}

function boundaryAfter(text: string, i: number, allowCall = false): boolean {
  const next = text[i];
  if (next === undefined) return true;
  if (WORD.test(next) || next === '"') return false;
  return allowCall || next !== "(";
}

function literalEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === "'") {
      if (text[i + 1] === "'") i += 2;
      else return i + 1;
    } else i++;
  }
  return text.length;
}

function quotedEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '"') {
      if (text[i + 1] === '"') i += 2;
      else return i + 1;
    } else i++;
  }
  return text.length;
}

/**
 * Replaces the schema `from` by `to` wherever it qualifies a name (`from.x`, `"from".x`), in ids (`table:from.x`)
 * and in regclass-style literals (`'from.x'::regclass`); other string literals stay as written.
 */
export function renameSchemaText(text: string, from: string, to: string): string {
  const old = `${ident(from)}.`;
  const next = `${ident(to)}.`;
  let out = "";
  let i = 0;
  while (i < text.length) {
    if (text[i] === "'") {
      const end = literalEnd(text, i);
      const literal = text.slice(i, end);
      out += literal.startsWith(`'${old}`) ? `'${next}${literal.slice(old.length + 1)}` : literal;
      i = end;
      continue;
    }
    if (text.startsWith(old, i) && (boundaryBefore(text, i) || text[i - 1] === ":")) {
      out += next;
      i += old.length;
      continue;
    }
    if (text[i] === '"') {
      const end = quotedEnd(text, i);
      out += text.slice(i, end);
      i = end;
      continue;
    }
    out += text[i];
    i++;
  }
  return out;
}
