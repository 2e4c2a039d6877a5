/**
 * Breaking-change notes: what application code must know before this migration runs. Stable codes, like hazards,
 * so a report can group them and a CI gate can refuse some.
 */
export const BREAKING_CODES = [
  "relation-removed",
  "relation-renamed",
  "column-removed",
  "column-renamed",
  "column-type-changed",
  "column-collation-changed",
  "relation-rows-changed",
  "not-null-added",
  "default-removed",
  "constraint-added",
  "enum-value-removed",
  "routine-removed",
  "routine-signature-changed",
  "policy-denies",
  "privilege-revoked",
  "type-removed",
  "schema-removed",
] as const;

export type BreakingCode = (typeof BREAKING_CODES)[number];

export interface BreakingNote {
  readonly code: BreakingCode;
  readonly message: string;
}

export const breaking = (code: BreakingCode, message: string): BreakingNote => ({ code, message });
