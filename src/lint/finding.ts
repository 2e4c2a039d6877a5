/** How bad a finding is: `error` fails or loses data or opens a hole, `warning` is risky, `info` is advice. */
export type Severity = "error" | "warning" | "info";

export const SEVERITIES: readonly Severity[] = ["info", "warning", "error"];

export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);

/** A place in a file: 1-based line and column (UTF-16 code units, as editors count). */
export interface Location {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** A fix that runs: SQL to apply (for a schema finding) or the statement rewritten (for a migration finding). */
export interface Fix {
  readonly title: string;
  readonly sql: string;
}

/** One finding: typed data with a stable rule id; reporters turn it into text, JSON, SARIF or annotations. */
export interface Finding {
  /** The rule's id (its file name under src/lint/rules/), or `syntax-error`. */
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  /** How to fix it, in a sentence. */
  readonly help?: string;
  readonly location?: Location;
  /** The object it is about, `schema.table` or `schema.table.column`. */
  readonly object?: string;
  readonly fix?: Fix;
}
