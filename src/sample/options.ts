import type { QualifiedName } from "../catalog/model.js";

export interface SampleOptions {
  /** Rows per table (default 50), or a function giving each table's count. */
  readonly rows?: number | ((table: QualifiedName) => number);
  /** Default 1. The same seed on the same empty schema gives the same rows. */
  readonly seed?: number;
  /** Fill only tables of these schemas (default: every table of the catalog). */
  readonly schemas?: readonly string[];
}

export interface SampleTableReport {
  readonly table: QualifiedName;
  /** Rows asked for. */
  readonly requested: number;
  readonly inserted: number;
  /** Rows the database still refused after their retries. */
  readonly rejected: number;
  /** The last refusal, as PostgreSQL worded it (with its SQLSTATE). */
  readonly lastError?: string;
  /** Why the table was not filled at all. */
  readonly skipped?: string;
}

export interface SampleReport {
  /** In the order the tables were filled (skipped ones included). */
  readonly tables: readonly SampleTableReport[];
  readonly inserted: number;
}
