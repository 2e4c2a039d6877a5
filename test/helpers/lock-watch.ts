/**
 * Watching the locks a migration step takes, from other connections, while it runs on a real server.
 *
 * A watcher polls `pg_locks` for the step's backend (a pool of one connection, so its pid is known) all the time the
 * step runs. Timing alone cannot promise the watcher sees a step mid-run, so the step is also held at a *gate* once
 * it has taken its locks: while it waits there the watcher reads every lock it holds, and an INSERT from a third
 * connection shows whether writers get through. The gate opens as soon as that INSERT is done, or is seen waiting for
 * a lock: no assertion depends on how long anything takes, only on the order of events.
 *
 * Two gates, both kinds of wait a step meets in production:
 * - `ddlGate`: an event trigger at `ddl_command_end` of ALTER TABLE / ALTER TYPE / CREATE INDEX waits for an advisory
 *   lock the test holds. The statement has done all its work (a VALIDATE has scanned the table) and still holds every
 *   lock it took: PostgreSQL keeps them to the end of the transaction.
 * - `transactionGate`: an open REPEATABLE READ transaction holding ACCESS SHARE on the tables. `CREATE INDEX
 *   CONCURRENTLY` waits for its snapshot after building and validating the index; `DROP INDEX CONCURRENTLY` waits for
 *   its lock once the index is marked invalid. Both hold their SHARE UPDATE EXCLUSIVE session lock while waiting.
 */
import { openPostgresJs } from "../../src/db/postgres-js.js";
import type { Database } from "../../src/db/queryable.js";
import type { ApplyResult } from "../../src/plan/apply.js";
import { LOCK_LEVELS, type LockLevel } from "../../src/plan/step.js";

/** One connection (a pool of one) and its backend pid, so the watcher can tell its locks from everyone else's. */
export interface Backend {
  readonly db: Database;
  readonly pid: number;
  close(): Promise<void>;
}

export async function openBackend(url: string): Promise<Backend> {
  const db = await openPostgresJs(url, { max: 1 });
  const [row] = await db.query<{ pid: number }>("select pg_backend_pid() as pid");
  return { db, pid: Number(row!.pid), close: () => db.close() };
}

/** `ShareUpdateExclusiveLock` (as pg_locks says it) → `SHARE UPDATE EXCLUSIVE` (as `Step.locks` does). */
export function lockLevel(mode: string): LockLevel {
  const level = mode
    .replace(/Lock$/, "")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toUpperCase();
  if (!(LOCK_LEVELS as readonly string[]).includes(level)) throw new Error(`not a table lock mode: ${mode}`);
  return level as LockLevel;
}

/** The strongest of the levels (in PostgreSQL's order of table lock modes), `undefined` for none. */
export function strongest(levels: Iterable<LockLevel>): LockLevel | undefined {
  let best = -1;
  for (const l of levels) best = Math.max(best, LOCK_LEVELS.indexOf(l));
  return best < 0 ? undefined : LOCK_LEVELS[best];
}

/** Holds a step once it has taken its locks, until released. */
export interface Gate {
  /** The backend a step held at the gate waits for (how the watcher knows it is there). */
  readonly pid: number;
  arm(): Promise<void>;
  release(): Promise<void>;
}

const GATE_KEY = 80_512;

/** Creates the event trigger behind `ddlGate` (once per database; it does nothing while no gate is armed). */
export async function installDdlGate(db: Database): Promise<void> {
  await db.exec(`
    create schema lock_watch;
    create function lock_watch.gate() returns event_trigger language plpgsql as $$
    begin
      -- Waits while the test holds the lock exclusively; passes straight through otherwise.
      perform pg_advisory_lock_shared(${GATE_KEY});
      perform pg_advisory_unlock_shared(${GATE_KEY});
    end $$;
    create event trigger lock_watch_gate on ddl_command_end
      when tag in ('ALTER TABLE', 'ALTER TYPE', 'CREATE INDEX')
      execute function lock_watch.gate();`);
}

/** Holds the next ALTER TABLE / ALTER TYPE / CREATE INDEX at its end (see `installDdlGate`). */
export function ddlGate(holder: Backend): Gate {
  return {
    pid: holder.pid,
    arm: async () => void (await holder.db.query(`select pg_advisory_lock(${GATE_KEY})`)),
    release: async () => void (await holder.db.query(`select pg_advisory_unlock(${GATE_KEY})`)),
  };
}

/** An old snapshot and ACCESS SHARE on `tables`: what CREATE / DROP INDEX CONCURRENTLY wait for. */
export function transactionGate(holder: Backend, tables: readonly string[]): Gate {
  return {
    pid: holder.pid,
    arm: async () => {
      await holder.db.exec("begin isolation level repeatable read");
      for (const t of tables) await holder.db.exec(`lock table ${t} in access share mode`);
      await holder.db.query("select 1");
    },
    release: () => holder.db.exec("commit"),
  };
}

export type InsertOutcome = { readonly ok: true } | { readonly ok: false; readonly error: string };

export interface WatchOptions {
  /** Polls pg_locks. */
  readonly watcher: Backend;
  /** The backend `run` applies the step on. */
  readonly step: Backend;
  readonly run: () => Promise<ApplyResult>;
  readonly gate: Gate;
  /** Runs `insert` (in a transaction, with `lock_timeout`) while the step waits at the gate. */
  readonly inserter: Backend;
  readonly insert: string;
  /** A safety net only: the gate opens as soon as the insert is seen waiting. Default `20s`. */
  readonly insertLockTimeout?: string;
}

export interface Observation {
  /** Relation oid → the lock levels the step's backend was seen holding on it (granted). */
  readonly held: ReadonlyMap<string, ReadonlySet<LockLevel>>;
  /** pg_locks reads while the step ran. */
  readonly samples: number;
  /** Reads, before the gate, that saw the step holding a lock on a user relation (information only: timing). */
  readonly samplesWorking: number;
  /** The step waited at the gate, so the watcher read its locks mid-run and the insert ran meanwhile. */
  readonly gateReached: boolean;
  readonly result: ApplyResult;
  readonly insert: InsertOutcome;
  /** The insert was seen waiting for a lock. */
  readonly insertWaited: boolean;
  /** … for a lock the step's backend held. */
  readonly insertBlockedByStep: boolean;
  /**
   * In the order the test saw them: `gate` (the step waits there), `insert` (it ended), `step` (it ended). While the
   * insert does not wait, `insert` before `step` is certain (the gate opens only after the insert); once it waits
   * for the step, the two end at about the same time and their order here means nothing.
   */
  readonly events: readonly ("gate" | "insert" | "step")[];
  readonly ms: number;
}

const POLL = `
  select l.pid, l.locktype, l.mode, l.granted, l.relation::text as relation,
         case when not l.granted and l.pid = $1::int then $3::int = any (pg_blocking_pids($1::int)) else false end as at_gate,
         case when not l.granted and l.pid = $2::int then $1::int = any (pg_blocking_pids($2::int)) else false end as insert_blocked_by_step
  from pg_locks l
  where l.pid = $1::int or l.pid = $2::int`;

type LockRow = {
  readonly pid: number;
  readonly locktype: string;
  readonly mode: string;
  readonly granted: boolean;
  readonly relation: string | null;
  readonly at_gate: boolean;
  readonly insert_blocked_by_step: boolean;
};

const FIRST_NORMAL_OID = 16384;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Runs the step while watching its locks; holds it at the gate while the insert runs. See the file comment. */
export async function observeStep(o: WatchOptions): Promise<Observation> {
  const held = new Map<string, Set<LockLevel>>();
  const events: Observation["events"][number][] = [];
  let samples = 0;
  let samplesWorking = 0;
  let gateReached = false;
  let insertWaited = false;
  let insertBlockedByStep = false;
  let stepDone = false;
  let stop = false;
  let atGate!: () => void;
  const reachedGate = new Promise<void>((r) => (atGate = r));
  let waiting!: () => void;
  const insertWaiting = new Promise<void>((r) => (waiting = r));

  await o.gate.arm();
  const started = performance.now();
  const step = o.run().finally(() => {
    stepDone = true;
    events.push("step");
  });
  step.catch(() => {});

  const poll = (async () => {
    while (!stop) {
      const rows = await o.watcher.db.query<LockRow>(POLL, [o.step.pid, o.inserter.pid, o.gate.pid]);
      if (stepDone) break;
      samples++;
      let working = false;
      for (const r of rows) {
        if (Number(r.pid) === o.step.pid && r.granted && r.locktype === "relation" && r.relation !== null) {
          const levels = held.get(r.relation) ?? new Set<LockLevel>();
          levels.add(lockLevel(r.mode));
          held.set(r.relation, levels);
          if (Number(r.relation) >= FIRST_NORMAL_OID) working = true;
        }
        if (r.at_gate && !gateReached) {
          gateReached = true;
          events.push("gate");
          atGate();
        }
        if (Number(r.pid) === o.inserter.pid && !r.granted) {
          insertWaited = true;
          if (r.insert_blocked_by_step) insertBlockedByStep = true;
          waiting();
        }
      }
      if (working && !gateReached) samplesWorking++;
      await sleep(2);
    }
  })();
  poll.catch(() => {});

  let insert: Promise<InsertOutcome> | undefined;
  try {
    await Promise.race([reachedGate, step.catch(() => {})]);
    if (gateReached) {
      insert = o.inserter.db
        .transaction(async (tx) => {
          await tx.exec(`set local lock_timeout = '${o.insertLockTimeout ?? "20s"}'`);
          await tx.exec(o.insert);
        })
        .then(
          (): InsertOutcome => ({ ok: true }),
          (e: unknown): InsertOutcome => ({ ok: false, error: e instanceof Error ? e.message : String(e) }),
        )
        .finally(() => events.push("insert"));
      // The insert either goes through while the step waits at the gate, or waits for one of the step's locks.
      await Promise.race([insert, insertWaiting]);
    }
  } finally {
    await o.gate.release();
  }
  try {
    const result = await step;
    const ms = performance.now() - started;
    return {
      held,
      samples,
      samplesWorking,
      gateReached,
      result,
      insert: insert ? await insert : { ok: false, error: "not run: the step never waited at the gate" },
      insertWaited,
      insertBlockedByStep,
      events,
      ms,
    };
  } finally {
    stop = true;
    await poll;
  }
}
