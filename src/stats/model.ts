/**
 * What a running database knows about its own use: the cumulative statistics views (`pg_stat_*`), sizes, sequence
 * positions, transaction ID age and who may reach which table. Read once (`read-stats.ts`), then pure data for the
 * live lint rules and, later, the index and normalization advisors. Objects are named as in the catalog model
 * (`schema`, `name`), so a rule joins them to it by qualified name.
 */
export interface DatabaseStats {
  readonly database: string;
  /** `server_version_num`, e.g. 150004. */
  readonly versionNum: number;
  /** When the statistics were read (ISO 8601, UTC). */
  readonly readAt: string;
  /**
   * Since when the counters have been counting: the database's last `pg_stat_reset()` or, never reset, the server's
   * start (PostgreSQL 15+ keeps counters across clean restarts, so this errs on the short side).
   */
  readonly countingSince: string;
  /** A standby counts only its own reads: an index unused here may serve the primary. */
  readonly inRecovery: boolean;
  /** `pg_database.encoding`, e.g. `UTF8`. */
  readonly encoding: string;
  /** `age(datfrozenxid)`: transactions since the database was last wholly frozen. */
  readonly frozenXidAge: number;
  /** `autovacuum_freeze_max_age`: the age at which autovacuum forces an anti-wraparound vacuum. */
  readonly freezeMaxAge: number;
  readonly tables: readonly TableStats[];
  readonly indexes: readonly IndexStats[];
  readonly sequences: readonly SequenceStats[];
  readonly extensions: readonly ExtensionVersion[];
  /** Login roles, other than owners and superusers, that hold a privilege on a table. */
  readonly tableAccess: readonly TableAccess[];
}

export interface TableStats {
  readonly schema: string;
  readonly name: string;
  readonly seqScans: number;
  readonly seqRowsRead: number;
  readonly indexScans: number;
  readonly liveRows: number;
  readonly deadRows: number;
  readonly inserts: number;
  readonly updates: number;
  readonly deletes: number;
  /** Rows changed since the last ANALYZE. */
  readonly modifiedSinceAnalyze: number;
  /** The later of the last manual and automatic VACUUM / ANALYZE, when there was one. */
  readonly lastVacuum?: string;
  readonly lastAnalyze?: string;
  /** Heap, TOAST included. */
  readonly tableBytes: number;
  readonly indexBytes: number;
  /** `age(relfrozenxid)`. */
  readonly frozenXidAge: number;
}

export interface IndexStats {
  readonly schema: string;
  readonly name: string;
  readonly table: string;
  readonly scans: number;
  readonly bytes: number;
}

export interface SequenceStats {
  readonly schema: string;
  readonly name: string;
  /** `pg_sequences.last_value` (int8 as a decimal string); absent when never used or not readable. */
  readonly lastValue?: string;
}

export interface ExtensionVersion {
  readonly name: string;
  readonly installed: string;
  /** The version `CREATE EXTENSION` would install now (the control file's `default_version`). */
  readonly available: string;
}

export interface TableAccess {
  readonly schema: string;
  readonly table: string;
  readonly role: string;
  /** Of SELECT, INSERT, UPDATE, DELETE: what the role may do, directly, through PUBLIC or a role it inherits. */
  readonly privileges: readonly string[];
  /** The role has BYPASSRLS: row-level security would not apply to it anyway. */
  readonly bypassRls: boolean;
}
