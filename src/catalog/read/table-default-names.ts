/**
 * The names PostgreSQL gives objects nobody named (`makeObjectName` in `indexcmds.c`): `name1_name2_label`, the
 * two names shortened in turn, the longer first, until the whole fits in NAMEDATALEN - 1 bytes, and never cut inside a
 * multibyte character. The model leaves such names out, so reader and DDL writer must agree on them exactly.
 */
const MAX_IDENTIFIER_BYTES = 63;

export function defaultObjectName(name1: string, name2: string, label: string): string {
  const a = Buffer.from(name1, "utf8");
  const b = Buffer.from(name2, "utf8");
  const overhead = Buffer.byteLength(label, "utf8") + 2;
  let aLength = a.length;
  let bLength = b.length;
  while (aLength + bLength > MAX_IDENTIFIER_BYTES - overhead) {
    if (aLength > bLength) aLength--;
    else bLength--;
  }
  return `${clip(a, aLength)}_${clip(b, bLength)}_${label}`;
}

/** The longest prefix of at most `bytes` bytes that ends on a character boundary (`pg_mbcliplen`). */
function clip(text: Buffer, bytes: number): string {
  let end = bytes;
  // UTF-8 continuation bytes are 10xxxxxx: step back to the start of the character that does not fit.
  if (end < text.length) while (end > 0 && (text[end]! & 0xc0) === 0x80) end--;
  return text.subarray(0, end).toString("utf8");
}

/** `<table>_<column>_not_null`: the name of the NOT NULL constraint a plain `NOT NULL` makes (PostgreSQL 18). */
export function defaultNotNullName(table: string, column: string): string {
  return defaultObjectName(table, column, "not_null");
}

/** `<table>_<column>_seq`: the name of the sequence of an identity column declared without `SEQUENCE NAME`. */
export function defaultIdentitySequenceName(table: string, column: string): string {
  return defaultObjectName(table, column, "seq");
}
