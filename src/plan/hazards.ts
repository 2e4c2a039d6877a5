/**
 * Hazards: what can go wrong when a step runs, as a closed set of stable codes. Reviewers, `--allow-data-loss`,
 * exit codes and later the lint rules all switch on these codes, never on SQL text.
 */
export const HAZARD_CODES = [
  /** Rows or column values are deleted and cannot be brought back by the DOWN step. */
  "data-loss",
  /** The table (and its indexes) is rewritten under an ACCESS EXCLUSIVE lock: time grows with its size. */
  "table-rewrite",
  /** A lock that blocks reads or writes is held for longer than a catalog update (a scan or a rewrite). */
  "long-lock",
  /** An index is built: CPU and I/O proportional to the table; concurrent builds may fail and leave an invalid index. */
  "index-build",
  /** Existing rows are scanned to validate a constraint (SHARE UPDATE EXCLUSIVE when split from the add). */
  "validation-scan",
  /** Queries that read the object may fail or return something else afterwards. */
  "breaking-readers",
  /** Statements that write the object may fail afterwards (new NOT NULL, narrower type, new constraint). */
  "breaking-writers",
  /** Who may do what changes: grants, owners, policies, security definer, RLS switches. */
  "authorization-change",
  /** Something depends on the object in a way PostgreSQL does not record (e.g. a string-bodied function). */
  "untrackable-dependency",
  /** An index is dropped: queries that used it may get slower. */
  "index-dropped",
  /** A drop and an add look like a rename; the plan does not rename without a hint. */
  "rename-candidate",
  /** The step must run outside a transaction block; a failure leaves partial state that the retry cleans up. */
  "non-transactional",
  /** A value the application relies on is removed from an enum or a check narrows the accepted values. */
  "value-removed",
  /** Existing rows may not satisfy the new definition; the step fails if any does. */
  "may-fail-on-data",
  /** A sequence, identity or default changes the values new rows get. */
  "values-change",
] as const;

export type HazardCode = (typeof HAZARD_CODES)[number];

export interface Hazard {
  readonly code: HazardCode;
  /** What exactly, for a reviewer: "drops column public.users.email and its 1 comment". */
  readonly message: string;
}

export const hazard = (code: HazardCode, message: string): Hazard => ({ code, message });
