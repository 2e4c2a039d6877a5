import type { Finding } from "../lint/finding.js";
import type { StatementLocks } from "../lint/lint.js";

export const LINT_JSON_FORMAT_VERSION = 1;

/** Findings and the lock analysis per statement, as data. */
export function lintToJson(findings: readonly Finding[], locks: readonly StatementLocks[]): string {
  return `${JSON.stringify({ formatVersion: LINT_JSON_FORMAT_VERSION, findings, locks }, null, 2)}\n`;
}
