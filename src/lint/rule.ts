import type { Catalog } from "../catalog/model.js";
import type { DatabaseStats } from "../stats/model.js";
import type { Fix, Severity } from "./finding.js";
import type { MigrationState, Statement } from "./statements.js";

/** What a rule says about itself: the docs page and the reports are built from it. */
export interface RuleDocs {
  /** One line: what it flags. */
  readonly summary: string;
  /** Why it matters. */
  readonly why: string;
  /** How to fix it. */
  readonly fix: string;
  /** The squawk rule it stands for, when there is one. */
  readonly squawk?: string;
}

/** One thing a rule found; the runner adds the rule id, severity and location. */
export interface Report {
  readonly message: string;
  readonly help?: string;
  readonly object?: string;
  readonly fix?: Fix;
  /** Byte offset into the file of the spot (a parse node's `location`); the statement's start when absent. */
  readonly at?: number;
}

/** Settings a rule may read (from the config file or the command line). */
export interface RuleContext {
  /** `server_version_num`-style, e.g. 150000: lock levels and features differ by version. */
  readonly pgVersion: number;
  /** The rule's options from the config file. */
  readonly options: Readonly<Record<string, unknown>>;
}

/**
 * A lint rule: one file under src/lint/rules/, id = file name. It may look at migration statements (parsed by
 * PostgreSQL's parser, in order, with what came before), at a whole schema (the catalog model), at a live database's
 * statistics, or at more than one of these.
 */
export interface Rule {
  readonly id: string;
  readonly severity: Severity;
  readonly docs: RuleDocs;
  /** Runs on each statement of a migration file. */
  readonly statement?: (statement: Statement, state: MigrationState, context: RuleContext) => readonly Report[];
  /** Runs once after the last statement of a migration file, with the state the file ends in and its statements. */
  readonly end?: (state: MigrationState, context: RuleContext, file: readonly Statement[]) => readonly Report[];
  /** Runs on a whole schema (a database, a snapshot, or a .sql file loaded with --load). */
  readonly schema?: (catalog: Catalog, context: RuleContext) => readonly Report[];
  /**
   * Runs on a live database: its schema and its statistics (scans, sizes, dead rows, sequence positions, transaction
   * ID age, who may reach which table). Never on a snapshot or a loaded .sql file, which have no history.
   */
  readonly live?: (catalog: Catalog, stats: DatabaseStats, context: RuleContext) => readonly Report[];
}

/** Types a rule definition (so an object literal is checked against `Rule` where it is written). */
export const defineRule = (rule: Rule): Rule => rule;
