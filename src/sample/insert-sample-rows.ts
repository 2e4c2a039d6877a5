/**
 * Fills a database with sample rows that meet its constraints, table by table in foreign-key order.
 */
import type { Faker } from "@faker-js/faker";
import type { Catalog } from "../catalog/model.js";
import { databaseErrorFrom } from "../db/errors.js";
import type { Queryable, Session } from "../db/queryable.js";
import { ident, qname } from "../sql/ident.js";
import { loadParser } from "../sql/parser.js";
import { constraintName, type PendingKey, pointDeferredKey } from "./deferred-keys.js";
import { fillTable } from "./fill-table.js";
import { KeptRows } from "./kept-rows.js";
import type { SampleOptions, SampleReport, SampleTableReport } from "./options.js";
import { Random, seedFor } from "./random.js";
import { RowGenerator } from "./row-generator.js";
import { planSample, type SamplePlan } from "./sample-plan.js";
import { canBeNull, type TablePlan } from "./table-plan.js";

/**
 * Inserts sample rows into every table of `catalog` (read from this database): realistic values, foreign keys that
 * point at inserted rows (composite ones consistent with each other), CHECK, UNIQUE and EXCLUDE constraints met.
 * Anything the generator does not understand is left to the database: a refused row is drawn again a few times,
 * then counted as rejected. Given a `Database` or `Session`, the whole sample is one transaction; given a
 * transaction's `tx`, it runs inside it (and sets its constraints IMMEDIATE, so each refusal is seen at once).
 *
 * @example
 * const report = await insertSampleRows(db, await introspect(db), { rows: 100, seed: 7 });
 * for (const t of report.tables) if (t.rejected > 0) console.log(t.table.name, t.lastError);
 */
export async function insertSampleRows(db: Queryable, catalog: Catalog, options: SampleOptions = {}): Promise<SampleReport> {
  const parser = await loadParser();
  const plan = planSample(catalog, parser, options);
  const faker = await newFaker();
  const run = (tx: Queryable): Promise<SampleReport> => fillAll(tx, plan, faker, options.seed ?? 1);
  return isSession(db) ? db.transaction(run) : run(db);
}

function isSession(db: Queryable): db is Session {
  return typeof (db as Partial<Session>).transaction === "function";
}

/** A Faker of our own (its seed is ours to set); the English locale alone loads in ~50 ms, all of them in ~300. */
async function newFaker(): Promise<Faker> {
  const { faker } = await import("@faker-js/faker/locale/en");
  const FakerClass = faker.constructor as new (options: { locale: typeof faker.rawDefinitions }) => Faker;
  return new FakerClass({ locale: faker.rawDefinitions });
}

async function fillAll(tx: Queryable, plan: SamplePlan, faker: Faker, seed: number): Promise<SampleReport> {
  // Deferred constraints would only speak at COMMIT, and fail the whole sample: checked per statement, a refused
  // row is drawn again like any other.
  await tx.exec("SET CONSTRAINTS ALL IMMEDIATE");
  // Trigger functions often name their tables unqualified, counting on the application's search_path.
  const [setting] = await tx.query<{ path: string }>("SELECT current_setting('search_path') AS path");
  const schemas = [...new Set(plan.tables.map((t) => t.table.schema))].sort().map(ident);
  const searchPath = [setting?.path ?? "", ...schemas].filter((s) => s !== "").join(", ");
  await tx.query("SELECT set_config('search_path', $1, true)", [searchPath]);
  const kept = new Map<string, KeptRows>();
  const reports: SampleTableReport[] = [];
  const pending: PendingKey[] = [];
  let savepoints = 0;
  for (const table of plan.tables) {
    const rows = new KeptRows();
    kept.set(table.key, rows);
    const skipped = table.skip ?? missingParent(table, kept);
    if (skipped !== undefined) {
      reports.push({ table: table.table, requested: table.rows, inserted: 0, rejected: 0, skipped });
      continue;
    }
    const cut = table.foreignKeys.filter((f) => f.cycle !== undefined);
    for (const key of cut) {
      const savepoint = `pgs_sample_cycle_${savepoints++}`;
      if (key.cycle === "deferred") await tx.exec(`SAVEPOINT ${savepoint}; SET CONSTRAINTS ${constraintName(table, key)} DEFERRED`);
      pending.push({ child: table, key, savepoint, since: reports.length, locations: [] });
    }
    const tableSeed = seedFor(seed, table.key);
    faker.seed(tableSeed);
    const random = new Random(tableSeed);
    const generator = new RowGenerator(table, faker, random, (k) => kept.get(k), await sequenceStart(tx, table));
    const filled = await fillTable(tx, table, generator, rows, cut.length > 0);
    reports.push(filled.report);
    for (const p of pending) if (p.child === table) p.locations = filled.locations;
    // Cut keys whose parent is now filled: point them (and check the deferred ones), newest first.
    for (const p of [...pending].reverse()) {
      const parent = kept.get(p.key.parent!);
      if (parent === undefined || !pending.includes(p)) continue; // not filled yet, or taken back
      pending.splice(pending.indexOf(p), 1);
      if (p.key.cycle === "nullable") await tx.exec(`SAVEPOINT ${p.savepoint}`);
      try {
        await pointDeferredKey(tx, p, parent, random);
        await tx.exec(`RELEASE SAVEPOINT ${p.savepoint}`);
      } catch (e) {
        if (p.key.cycle === "deferred") await undo(tx, p, pending, reports, kept, e);
        else await tx.exec(`ROLLBACK TO SAVEPOINT ${p.savepoint}; RELEASE SAVEPOINT ${p.savepoint}`); // rows stay, keys NULL
      }
    }
  }
  while (pending.length > 0) {
    const p = pending.pop()!;
    if (p.key.cycle === "deferred") await undo(tx, p, pending, reports, kept, new Error(`${p.key.parent} was not filled`));
  }
  await tx.query("SELECT set_config('search_path', $1, true)", [setting?.path ?? ""]);
  return { tables: reports, inserted: reports.reduce((n, r) => n + r.inserted, 0) };
}

/**
 * Takes back the tables filled since a deferred key's savepoint: their rows are gone, their reports say why. Keys
 * deferred after it lose their savepoints (and rows) with it, so they are dropped from `pending`.
 */
async function undo(
  tx: Queryable, p: PendingKey, pending: PendingKey[], reports: SampleTableReport[], kept: Map<string, KeptRows>, cause: unknown,
): Promise<void> {
  for (let i = pending.length - 1; i >= 0; i--) if (pending[i]!.since >= p.since && pending[i] !== p) pending.splice(i, 1);
  await tx.exec(`ROLLBACK TO SAVEPOINT ${p.savepoint}; RELEASE SAVEPOINT ${p.savepoint}; SET CONSTRAINTS ${constraintName(p.child, p.key)} IMMEDIATE`);
  const error = databaseErrorFrom(cause);
  const lastError = `deferred foreign key ${p.key.name} could not be satisfied: ${error ? `${error.code}: ${error.message}` : (cause as Error).message}`;
  for (let i = p.since; i < reports.length; i++) {
    const r = reports[i]!;
    if (r.skipped !== undefined || r.inserted === 0) continue;
    reports[i] = { table: r.table, requested: r.requested, inserted: 0, rejected: r.requested, lastError };
    kept.set(qname(r.table), new KeptRows());
  }
}

/** A NOT NULL foreign key whose parent table got no rows: nothing to point at. */
function missingParent(table: TablePlan, kept: ReadonlyMap<string, KeptRows>): string | undefined {
  for (const fk of table.foreignKeys) {
    if (fk.self || fk.cycle === "deferred" || canBeNull(fk) || fk.parent === undefined) continue;
    if ((kept.get(fk.parent)?.rows.length ?? 0) === 0) return `no rows in ${fk.parent} for foreign key ${fk.name}`;
  }
  return undefined;
}

/** Integer key columns count on from the largest value already there. */
async function sequenceStart(tx: Queryable, table: TablePlan): Promise<number> {
  const columns = table.columns.filter((c) => c.sequence).map((c) => c.name);
  if (columns.length === 0) return 1;
  const select = columns.map((c) => `coalesce(max(${ident(c)}), 0)`).join(", ");
  const [row] = await tx.query<{ m: string | null }>(`SELECT greatest(${select}, 0)::text AS m FROM ${qname(table.table)}`);
  return Number(row?.m ?? 0) + 1;
}
