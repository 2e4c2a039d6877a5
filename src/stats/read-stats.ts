import type { Queryable, Row } from "../db/queryable.js";
import type { DatabaseStats, ExtensionVersion, IndexStats, SequenceStats, TableAccess, TableStats } from "./model.js";
import { DATABASE_QUERY, EXTENSIONS_QUERY, INDEXES_QUERY, SEQUENCES_QUERY, TABLE_ACCESS_QUERY, TABLES_QUERY } from "./queries.js";

const num = (v: unknown): number => Number(v ?? 0);
const text = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : String(v));
const optional = <K extends string>(key: K, v: unknown): { [P in K]?: string } => (text(v) === undefined ? {} : ({ [key]: text(v) } as { [P in K]: string }));

/**
 * Reads the statistics of the database `q` is connected to. The counters are the server's cumulative statistics as
 * this session sees them (a snapshot taken at the first read in the transaction, so one call is self-consistent when
 * run in a transaction).
 */
export async function readStats(q: Queryable): Promise<DatabaseStats> {
  const [database, tables, indexes, sequences, extensions, access] = await Promise.all([
    q.query(DATABASE_QUERY),
    q.query(TABLES_QUERY),
    q.query(INDEXES_QUERY),
    q.query(SEQUENCES_QUERY),
    q.query(EXTENSIONS_QUERY),
    q.query(TABLE_ACCESS_QUERY),
  ]);
  const d = database[0]!;
  return {
    database: String(d.database),
    versionNum: num(d.version_num),
    readAt: String(d.read_at),
    countingSince: String(d.counting_since),
    inRecovery: d.in_recovery === true,
    encoding: String(d.encoding),
    frozenXidAge: num(d.frozen_xid_age),
    freezeMaxAge: num(d.freeze_max_age),
    tables: tables.map(tableStats),
    indexes: indexes.map(
      (r): IndexStats => ({ schema: String(r.schema), name: String(r.name), table: String(r.table), scans: num(r.scans), bytes: num(r.bytes) }),
    ),
    sequences: sequences.map((r): SequenceStats => ({ schema: String(r.schema), name: String(r.name), ...optional("lastValue", r.last_value) })),
    extensions: extensions.map((r): ExtensionVersion => ({ name: String(r.name), installed: String(r.installed), available: String(r.available) })),
    tableAccess: access.map(
      (r): TableAccess => ({
        schema: String(r.schema),
        table: String(r.table),
        role: String(r.role),
        privileges: String(r.privileges).split(","),
        bypassRls: r.bypass_rls === true,
      }),
    ),
  };
}

const tableStats = (r: Row): TableStats => ({
  schema: String(r.schema),
  name: String(r.name),
  seqScans: num(r.seq_scans),
  seqRowsRead: num(r.seq_rows_read),
  indexScans: num(r.index_scans),
  liveRows: num(r.live_rows),
  deadRows: num(r.dead_rows),
  inserts: num(r.inserts),
  updates: num(r.updates),
  deletes: num(r.deletes),
  modifiedSinceAnalyze: num(r.modified_since_analyze),
  ...optional("lastVacuum", r.last_vacuum),
  ...optional("lastAnalyze", r.last_analyze),
  tableBytes: num(r.table_bytes),
  indexBytes: num(r.index_bytes),
  frozenXidAge: num(r.frozen_xid_age),
});
