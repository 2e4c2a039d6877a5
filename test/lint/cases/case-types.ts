/** The valid / invalid table of one rule (test/lint/cases/<rule-id>.ts), run by test/lint/rules.test.ts. */
export interface RuleCases {
  /**
   * SQL that makes the objects the cases touch exist beforehand (e.g. `CREATE TABLE orders (…)`): it is not linted
   * as part of the migration, but it is loaded before the case when the case runs on an engine.
   */
  readonly setup?: string;
  /** Migrations (or, for schema-only rules, schemas) the rule must not flag. */
  readonly valid: readonly string[];
  /** Ones it must flag: `findings` is the exact count when given (default: at least one). */
  readonly invalid: readonly { readonly sql: string; readonly findings?: number }[];
  /** For a rule with a live hook: cases run on a database with statistics. */
  readonly live?: LiveCases;
}

/**
 * A case of a live rule: `sql` runs statement by statement on a new database (as `psql -f`: each statement commits,
 * so VACUUM and CONCURRENTLY work), with queries that move the statistics; then the statistics are flushed and read,
 * and the rule runs with `options`. Roles a case creates are cluster-wide on the server: name them `live_case_*` and
 * the harness drops them.
 */
export interface LiveCase {
  readonly sql: string;
  /** A statement run after `sql` that must fail (e.g. a concurrent build that leaves an invalid index behind). */
  readonly failing?: string;
  /** The rule's options (as in the config file). */
  readonly options?: Readonly<Record<string, unknown>>;
  /** Runs only on the server, for this reason (PGlite lacks what it needs); on PGlite the case is reported skipped. */
  readonly serverOnly?: string;
  /** `CREATE DATABASE` options for the case's database on the server (e.g. an encoding); implies serverOnly. */
  readonly createDatabase?: string;
}

/** The valid / invalid tables of a live rule (test/lint/live-rules.test.ts runs them on PGlite and the server). */
export interface LiveCases {
  readonly valid: readonly LiveCase[];
  readonly invalid: readonly (LiveCase & { readonly findings?: number })[];
}
