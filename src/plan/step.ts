import type { ObjectId } from "../catalog/model.js";
import type { BreakingNote } from "./breaking.js";
import type { Hazard } from "./hazards.js";

/** PostgreSQL's table-level lock modes, weakest first. */
export const LOCK_LEVELS = [
  "ACCESS SHARE",
  "ROW SHARE",
  "ROW EXCLUSIVE",
  "SHARE UPDATE EXCLUSIVE",
  "SHARE",
  "SHARE ROW EXCLUSIVE",
  "EXCLUSIVE",
  "ACCESS EXCLUSIVE",
] as const;

export type LockLevel = (typeof LOCK_LEVELS)[number];

/** A lock a step takes: the mode and the object (an id, so readers can join it to the catalog). */
export interface Lock {
  readonly level: LockLevel;
  readonly on: ObjectId;
}

/**
 * How a step can be undone. The DOWN script is the reversal of every step in reverse order, so UP and DOWN are
 * written by the same function from the same two objects.
 */
export type Reversal =
  /** The statements restore the schema and every row. `transaction` defaults to `shared`. */
  | { readonly class: "reversible"; readonly sql: readonly string[]; readonly transaction?: TransactionMode }
  /** The statements restore the schema, but `lost` is gone (dropped column values, dropped rows). */
  | { readonly class: "lossy"; readonly sql: readonly string[]; readonly lost: string; readonly transaction?: TransactionMode }
  /** There is no DOWN for this step; `why` says what blocks it. */
  | { readonly class: "irreversible"; readonly why: string };

/**
 * How the step relates to transactions: `shared` may be batched with its neighbours; `own` must be committed on
 * its own before the next step (a new enum value, a VALIDATE split from its NOT VALID add); `none` must be sent
 * alone outside any transaction block (CONCURRENTLY).
 */
export type TransactionMode = "shared" | "own" | "none";

/** What the step does to which object, as data (reports and analyzers switch on this, never on SQL text). */
export interface StepChange {
  readonly action: "create" | "drop" | "alter" | "rename";
  /** The object changed; for alters of a part (column, constraint) the part's id. */
  readonly object: ObjectId;
  /** A finer label of the alter, e.g. `type`, `default`, `not-null`, `comment`, `owner`, `privileges`. */
  readonly detail?: string;
}

export interface Step {
  /** Human summary of the change this step implements: "add column public.users.email". */
  readonly why: string;
  readonly change: StepChange;
  /** Statements, each complete and ending in `;`. Empty when the step happens as part of another (`impliedBy`). */
  readonly sql: readonly string[];
  readonly transaction: TransactionMode;
  readonly locks: readonly Lock[];
  readonly hazards: readonly Hazard[];
  readonly breaking: readonly BreakingNote[];
  readonly reverse: Reversal;
  /** A query returning one row with one boolean column `ok`, true once the step has taken effect. */
  readonly verify?: string;
  /**
   * Retrying after a failure (a lock timeout, a concurrent build that died): `safe` when the step can simply run
   * again; `cleanup` statements to run first when the verification is false (e.g. drop the invalid index left by
   * a failed `CREATE INDEX CONCURRENTLY`).
   */
  readonly retry: { readonly safe: boolean; readonly cleanup?: readonly string[] };
  /** Scans or rewrites table data: gets the long statement timeout. */
  readonly long?: true;
  /** The step that really performs this one (a `DROP TABLE` drops its indexes): this step has no SQL of its own. */
  readonly impliedBy?: ObjectId;
  /** Ordering: objects this step brings into their target state (their target dependencies must exist first). */
  readonly creates: readonly ObjectId[];
  /** Ordering: objects this step removes (whatever depended on them in the source must be gone or altered first). */
  readonly drops: readonly ObjectId[];
  /** Ordering: further objects that must be in their target state first (beyond the catalog's edges). */
  readonly requires?: readonly ObjectId[];
}
