import { caretExcerpt } from "../../sources/source-error.js";

/** Where in the spec file something is: 1-based line and column. */
export interface SpecLocation {
  readonly line: number;
  readonly column: number;
}

/**
 * A design spec that cannot be used: malformed YAML/JSON, an unknown key, a reference to an unknown entity or
 * field, conflicting options. Names file, line and column; `format()` adds the line with a caret and a hint.
 */
export class SpecError extends Error {
  override readonly name = "SpecError";
  readonly code = "DESIGN_SPEC_INVALID";

  constructor(
    readonly file: string,
    readonly location: SpecLocation,
    readonly problem: string,
    readonly text: string,
    readonly hint?: string,
  ) {
    super(`${file}:${location.line}:${location.column}: ${problem}`);
  }

  format(): string {
    const lines = [this.message, caretExcerpt(this.text, this.location.line, this.location.column)];
    if (this.hint) lines.push(`hint: ${this.hint}`);
    return lines.join("\n");
  }
}
