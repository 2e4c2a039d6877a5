/**
 * Filling one table on the database: INSERTs of 200 rows with RETURNING of the kept columns; a batch the database
 * refuses is inserted again row by row, each row under a SAVEPOINT and drawn again (with the refusing constraint's
 * nullable columns left NULL, unique text made distinct) a few times before it is counted as rejected.
 */
import { databaseErrorFrom } from "../db/errors.js";
import type { Queryable } from "../db/queryable.js";
import { ident, qname } from "../sql/ident.js";
import type { KeptRows } from "./kept-rows.js";
import type { SampleTableReport } from "./options.js";
import type { DrawnRow, RowGenerator, RowHints } from "./row-generator.js";
import type { TablePlan } from "./table-plan.js";

const BATCH_ROWS = 200;
const RETRIES = 3;
/** A table whose first rows all fail is given up: the rest would fail the same way. */
const GIVE_UP_AFTER = 10;
const RETRYABLE_CLASSES = ["22", "23"];

/** Where an inserted row lives (`tableoid`, `ctid`), to update it later in the same transaction. */
export type RowLocation = readonly [string, string];

export interface FilledTable {
  readonly report: SampleTableReport;
  /** Only when asked for (`locate`): every inserted row's location. */
  readonly locations: readonly RowLocation[];
}

const OID = "pgs_sample$oid";
const CTID = "pgs_sample$ctid";

export async function fillTable(tx: Queryable, plan: TablePlan, rows: RowGenerator, kept: KeptRows, locate = false): Promise<FilledTable> {
  const columns = plan.columns.map((c) => c.name);
  const returned = [
    ...plan.keep.map((c) => `${ident(c)}::text AS ${ident(c)}`),
    ...(locate ? [`tableoid::oid::text AS ${ident(OID)}`, `ctid::text AS ${ident(CTID)}`] : []),
  ];
  const returning = returned.length === 0 ? "" : ` RETURNING ${returned.join(", ")}`;
  const locations: RowLocation[] = [];
  // A batch travels as one JSON text parameter, each value the column type's input text: every driver sends text
  // as is (they serialize other parameters by their own rules: postgres.js JSON-encodes a string bound to jsonb and
  // turns 'true' into false for boolean, PGlite wants a Uint8Array for bytea), and one parameter is 4x faster to
  // send through PGlite than a thousand casts.
  const list = columns.map(ident).join(", ");
  const statement = columns.length === 0
    ? `INSERT INTO ${qname(plan.table)} DEFAULT VALUES${returning}`
    : `INSERT INTO ${qname(plan.table)} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${qname(plan.table)}, $1::text::json)${returning}`;
  const rawJson = plan.columns.map((c) => c.kind.scalar.kind === "json" && c.kind.arrayDims === 0);
  const keys = columns.map((c) => JSON.stringify(c));
  const params = (batch: readonly DrawnRow[]): string[] => {
    if (columns.length === 0) return [];
    const records = batch.map((row) => {
      const fields = columns.map((c, i) => {
        const v = row.values.get(c) ?? null;
        return `${keys[i]}:${v === null ? "null" : rawJson[i] ? v : JSON.stringify(v)}`;
      });
      return `{${fields.join(",")}}`;
    });
    return [`[${records.join(",")}]`];
  };
  const selfReferencing = plan.foreignKeys.some((f) => f.self);
  // A self-referencing table goes in five rounds, so later rows can point at earlier ones.
  const batchRows = columns.length === 0 ? 1 : Math.max(1, Math.min(BATCH_ROWS, selfReferencing ? Math.ceil(plan.rows / 5) : BATCH_ROWS));
  const keep = (returned: readonly Record<string, unknown>[]): void => {
    for (const r of returned) {
      const row: Record<string, string | null> = {};
      for (const c of plan.keep) row[c] = r[c] === null || r[c] === undefined ? null : String(r[c]);
      kept.add(row);
      if (locate) locations.push([String(r[OID]), String(r[CTID])]);
    }
  };

  let inserted = 0;
  let rejected = 0;
  let lastError: string | undefined;
  const insertOne = async (first: DrawnRow): Promise<void> => {
    let row = first;
    for (let attempt = 0; ; attempt++) {
      await tx.exec("SAVEPOINT pgs_sample_row");
      try {
        keep(await tx.query(statement, params([row])));
        await tx.exec("RELEASE SAVEPOINT pgs_sample_row");
        inserted++;
        return;
      } catch (e) {
        await tx.exec("ROLLBACK TO SAVEPOINT pgs_sample_row; RELEASE SAVEPOINT pgs_sample_row");
        const error = databaseErrorFrom(e);
        if (!error) throw e;
        rows.release(row);
        lastError = `${error.code}: ${error.message}`;
        if (attempt >= RETRIES || !RETRYABLE_CLASSES.includes(error.code.slice(0, 2))) {
          rejected++;
          return;
        }
        row = rows.next(retryHints(plan, error.constraint, error.code, attempt));
      }
    }
  };

  while (inserted + rejected < plan.rows) {
    if (inserted === 0 && rejected >= GIVE_UP_AFTER) {
      rejected = plan.rows - inserted;
      break;
    }
    const count = Math.min(batchRows, plan.rows - inserted - rejected);
    const batch = Array.from({ length: count }, () => rows.next());
    if (count > 1) {
      await tx.exec("SAVEPOINT pgs_sample_batch");
      try {
        keep(await tx.query(statement, params(batch)));
        await tx.exec("RELEASE SAVEPOINT pgs_sample_batch");
        inserted += count;
        continue;
      } catch (e) {
        await tx.exec("ROLLBACK TO SAVEPOINT pgs_sample_batch; RELEASE SAVEPOINT pgs_sample_batch");
        if (!databaseErrorFrom(e)) throw e;
      }
    }
    for (const row of batch) await insertOne(row);
  }
  const report = { table: plan.table, requested: plan.rows, inserted, rejected, ...(lastError !== undefined && rejected > 0 ? { lastError } : {}) };
  return { report, locations };
}

function retryHints(plan: TablePlan, constraint: string | undefined, code: string, attempt: number): RowHints {
  const columns = constraint === undefined ? undefined : plan.constraintColumns.get(constraint);
  // First retry: just other values. Later ones: also leave the refusing constraint's nullable columns NULL.
  const nullColumns = attempt >= 1 && columns ? new Set(columns) : undefined;
  return { ...(nullColumns ? { nullColumns } : {}), suffix: code === "23505" || attempt >= 1 };
}
