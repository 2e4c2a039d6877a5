/** A rename the user asserts: the object `from` in the source schema is `to` in the target. */
export interface RenameHint {
  readonly kind: "table" | "column" | "view" | "materialized-view" | "sequence" | "index" | "type" | "schema" | "function";
  /** Qualified for relations (`public.users`), `table.column` for columns (`public.users.email`, or `users.email` in public). */
  readonly from: string;
  /** The new name only (same schema; for columns the new column name). */
  readonly to: string;
}

export interface PlanOptions {
  /** Online rewrites (CONCURRENTLY, NOT VALID + VALIDATE, …); false gives plain DDL. Default true. */
  readonly online?: boolean;
  /** `lock_timeout` set before every step. Default `5s`. */
  readonly lockTimeout?: string;
  /** `statement_timeout` for steps that only touch the catalog. Default `1min`. */
  readonly statementTimeout?: string;
  /** `statement_timeout` for steps that scan or rewrite data (index builds, validation, rewrites). Default `0` (none). */
  readonly longStatementTimeout?: string;
  /** Emit owners (default true). */
  readonly owners?: boolean;
  /** Emit GRANT / REVOKE and default privileges (default true). */
  readonly privileges?: boolean;
  readonly renames?: readonly RenameHint[];
}

export type ResolvedPlanOptions = Required<PlanOptions>;

export function resolvePlanOptions(options: PlanOptions = {}): ResolvedPlanOptions {
  return {
    online: options.online ?? true,
    lockTimeout: options.lockTimeout ?? "5s",
    statementTimeout: options.statementTimeout ?? "1min",
    longStatementTimeout: options.longStatementTimeout ?? "0",
    owners: options.owners ?? true,
    privileges: options.privileges ?? true,
    renames: options.renames ?? [],
  };
}
