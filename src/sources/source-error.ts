import { DatabaseError } from "../db/errors.js";

/**
 * A SQL source failed to load. Names the file, line and column PostgreSQL pointed at, and carries PostgreSQL's
 * message and SQLSTATE; `toString()` shows the line with a caret under the spot.
 */
export class SqlSourceError extends Error {
  override readonly name = "SqlSourceError";
  readonly code = "SOURCE_SQL_FAILED";

  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    override readonly cause: DatabaseError,
    readonly excerpt: string,
  ) {
    super(`${file}:${line}:${column}: ${cause.message}`);
  }

  /** The SQLSTATE PostgreSQL reported. */
  get sqlState(): string {
    return this.cause.code;
  }

  /** The message with the source line and a caret, then PostgreSQL's detail and hint. */
  format(): string {
    const lines = [`${this.file}:${this.line}:${this.column}: ERROR ${this.cause.code}: ${this.cause.message}`, this.excerpt];
    if (this.cause.detail) lines.push(`DETAIL: ${this.cause.detail}`);
    if (this.cause.hint) lines.push(`HINT: ${this.cause.hint}`);
    if (this.cause.where) lines.push(`CONTEXT: ${this.cause.where}`);
    return lines.join("\n");
  }
}

/** Line and column (both 1-based) of a JS string index. */
export function lineColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}

/** `  12 | select * frm t;` and a caret line under the column. */
export function caretExcerpt(text: string, line: number, column: number): string {
  const source = text.split("\n")[line - 1] ?? "";
  const gutter = `${line} | `;
  const before = source.slice(0, column - 1).replace(/[^\t]/g, " ");
  return `${gutter}${source.replace(/\r$/, "")}\n${" ".repeat(gutter.length - 2)}| ${before}^`;
}

/**
 * Maps a server error to the file position: `position` is 1-based into the text that was sent, which starts at
 * `sentOffset` in the file. Without a position the caret goes to the statement's first non-blank character.
 */
export function sourceErrorAt(file: string, fileText: string, sentOffset: number, sentText: string, error: DatabaseError): SqlSourceError {
  const leading = sentText.length - sentText.trimStart().length;
  const indexInSent = error.position !== undefined ? error.position - 1 : leading;
  const index = sentOffset + Math.min(Math.max(indexInSent, 0), sentText.length);
  const { line, column } = lineColumn(fileText, skipComments(fileText, index, error.position === undefined));
  return new SqlSourceError(file, line, column, error, caretExcerpt(fileText, line, column));
}

/** Without a server position, point past the comments that precede the statement. */
function skipComments(text: string, index: number, skip: boolean): number {
  return skip ? pastTrivia(text, index) : index;
}

/** The index of the first character at or after `index` that is not whitespace or a comment. */
export function pastTrivia(text: string, index = 0): number {
  let i = index;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text.startsWith("--", i)) {
      const end = text.indexOf("\n", i);
      i = end === -1 ? text.length : end + 1;
    } else if (text.startsWith("/*", i)) {
      const end = text.indexOf("*/", i);
      i = end === -1 ? text.length : end + 2;
    } else {
      return i;
    }
  }
}
