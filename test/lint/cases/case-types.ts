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
}
