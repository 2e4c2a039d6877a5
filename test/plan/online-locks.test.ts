/**
 * The planner's online rewrites take only the locks they should, shown on a real server: each step runs on a table
 * big enough to take a while, a second connection reads pg_locks meanwhile, and a third inserts into the table while
 * the step still runs (see `test/helpers/lock-watch.ts` for how the step is held mid-run without relying on timing).
 * Every step's own claim (`Step.locks`) is checked against what pg_locks showed.
 */
import assert from "node:assert/strict";
import { after, before, describe, it, type TestContext } from "node:test";
import postgres from "postgres";
import type { Catalog } from "../../src/catalog/model.js";
import { applySteps } from "../../src/plan/apply.js";
import { upItems } from "../../src/plan/groups.js";
import type { PlanOptions } from "../../src/plan/options.js";
import type { Plan } from "../../src/plan/plan-types.js";
import { planMigration } from "../../src/plan/plan.js";
import type { LockLevel, Step } from "../../src/plan/step.js";
import { timeoutStatements } from "../../src/plan/timeouts.js";
import { catalogFromSql } from "../../src/sources/sql-files.js";
import { type Backend, ddlGate, installDdlGate, type Observation, observeStep, openBackend, strongest, transactionGate } from "../helpers/lock-watch.js";
import { SERVER_URL, type ScratchDatabase, scratchDatabase, serverUnavailable } from "../helpers/server.js";

/** Rows in the big table: enough that a scan or an index build takes a while (the gate does not depend on it). */
const ROWS = 300_000;
/** Ids of rows the concurrent inserts add: above every filled row. */
const NEW = 10_000_000;

const unavailable = await serverUnavailable();
const skip = unavailable === undefined ? false : `needs the PostgreSQL server: ${unavailable}`;

interface Case {
  readonly from: string;
  readonly to: string;
  /** Fills the tables of `from` on the server. */
  readonly fill: string;
  /** Tables whose locks are compared with the steps' claims, qualified. */
  readonly tables: readonly string[];
  /** An insert every step must let through (or, for an ACCESS EXCLUSIVE step, hold back); `n` is new each time. */
  readonly insert: (n: number) => string;
  readonly options?: PlanOptions;
}

interface Relation {
  readonly oid: string;
  readonly name: string;
  readonly filenode: string;
}

interface StepRun {
  readonly step: Step;
  readonly observation: Observation;
  /** The watched tables and their indexes before the step. */
  readonly before: readonly Relation[];
  /** … and after it (an index PostgreSQL re-creates gets a new oid, maybe keeping its relfilenode). */
  readonly after: readonly Relation[];
}

interface CaseRun {
  readonly plan: Plan;
  readonly steps: readonly StepRun[];
  readonly scratch: ScratchDatabase;
}

const load = (name: string, text: string): Promise<Catalog> => catalogFromSql([{ name, text }], { shadow: SERVER_URL });

/** The tables and their indexes, with their relfilenodes (a rewrite changes the relfilenode). */
const relations = (s: ScratchDatabase, tables: readonly string[]): Promise<Relation[]> =>
  s.db.query<{ oid: string; name: string; filenode: string }>(
    `with t as (select x::regclass as oid from unnest(string_to_array($1, ',')) x)
     select c.oid::text as oid, format('%s.%s', n.nspname, c.relname) as name, pg_relation_filenode(c.oid)::text as filenode
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.oid in (select oid from t) or c.oid in (select indexrelid from pg_index where indrelid in (select oid from t))`,
    [tables.join(",")],
  );

/**
 * Plans `from` → `to`, loads `from` and its rows on a scratch database, then applies the plan one step at a time
 * with the project's own `applySteps` (each step verified), every step watched and held at a gate mid-run.
 */
async function runCase(c: Case): Promise<CaseRun> {
  const [from, to] = await Promise.all([load("from.sql", c.from), load("to.sql", c.to)]);
  // A generous lock_timeout: a step waits at the gate for as long as the watcher and the insert take on a busy machine.
  const plan = planMigration(from, to, { lockTimeout: "30s", ...c.options });
  const scratch = await scratchDatabase("pgs_locks");
  const backends: Backend[] = [];
  try {
    await scratch.db.exec(c.from);
    await scratch.db.exec(c.fill);
    await installDdlGate(scratch.db);
    const [applier, watcher, inserter, holder] = await Promise.all([1, 2, 3, 4].map(() => openBackend(scratch.url)));
    backends.push(applier!, watcher!, inserter!, holder!);
    const steps: StepRun[] = [];
    let n = 0;
    for (const item of upItems(plan)) {
      const before = await relations(scratch, c.tables);
      const concurrently = /^(CREATE (UNIQUE )?|DROP )INDEX CONCURRENTLY /.test(item.sql[0] ?? "");
      const observation = await observeStep({
        watcher: watcher!,
        step: applier!,
        run: () => applySteps(applier!.db, [item], plan.options, { verify: true }),
        gate: concurrently ? transactionGate(holder!, c.tables) : ddlGate(holder!),
        inserter: inserter!,
        insert: c.insert(++n),
      });
      steps.push({ step: item.step, observation, before, after: await relations(scratch, c.tables) });
    }
    return { plan, steps, scratch };
  } catch (e) {
    await scratch.drop();
    throw e;
  } finally {
    await Promise.all(backends.map((b) => b.close()));
  }
}

/** The one step whose first statement matches. */
function stepOf(run: CaseRun, sql: RegExp): StepRun {
  const found = run.steps.filter((s) => sql.test(s.step.sql[0] ?? ""));
  assert.equal(found.length, 1, `one step starting with ${sql}; the plan:\n${run.plan.steps.map((s) => s.sql.join(" ")).join("\n")}`);
  return found[0]!;
}

/** The strongest lock the step was seen holding on the relation (named as before the step). */
function observed(s: StepRun, name: string): LockLevel | undefined {
  const oid = s.before.find((r) => r.name === name)?.oid;
  assert.ok(oid !== undefined, `${name} existed before the step`);
  return strongest(s.observation.held.get(oid) ?? []);
}

/** The strongest lock the step says it takes on the object (`table:public.t`). */
const declared = (step: Step, on: string): LockLevel | undefined => strongest(step.locks.filter((l) => l.on === on).map((l) => l.level));

const describeRun = (s: StepRun): string =>
  `step "${s.step.why}": ${s.observation.samples} pg_locks reads over ${Math.round(s.observation.ms)} ms, ` +
  `${s.observation.samplesWorking} of them while it worked before the gate; events ${s.observation.events.join(" → ")}; ` +
  `held ${JSON.stringify(s.before.flatMap((r) => (s.observation.held.has(r.oid) ? [[r.name, [...s.observation.held.get(r.oid)!]]] : [])))}`;

function assertApplied(s: StepRun): void {
  const failed = s.observation.result.failed;
  assert.equal(failed, undefined, failed && `${s.step.why}: ${failed.statement}: ${failed.error.message}`);
  assert.equal(s.observation.result.applied, 1);
  assert.ok(s.observation.gateReached, `the step never waited at the gate, so nothing was seen mid-run: ${describeRun(s)}`);
}

/** The insert went through while the step was held mid-run, without waiting for any lock. */
function assertInsertWentThrough(s: StepRun): void {
  assertApplied(s);
  assert.deepEqual(s.observation.insert, { ok: true });
  assert.equal(s.observation.insertWaited, false, `the insert waited for a lock: ${describeRun(s)}`);
  assert.deepEqual(s.observation.events, ["gate", "insert", "step"], describeRun(s));
}

/** The insert waited for a lock of the step (held at the gate) and went through once the step let go. */
function assertInsertWaitedThenWentThrough(s: StepRun): void {
  assertApplied(s);
  assert.equal(s.observation.insertWaited, true, describeRun(s));
  assert.equal(s.observation.insertBlockedByStep, true, `the insert waited, not for the step: ${describeRun(s)}`);
  assert.deepEqual(s.observation.insert, { ok: true });
}

/** For every step and watched table: the strongest lock the step claims is the strongest pg_locks showed. */
function claimsMismatches(run: CaseRun, tables: readonly string[]): string[] {
  return run.steps.flatMap((s) =>
    tables.flatMap((t) => {
      const claim = declared(s.step, `table:${t}`);
      const seen = observed(s, t);
      return claim === seen ? [] : [`"${s.step.why}" on ${t}: declares ${claim ?? "no lock"}, pg_locks showed ${seen ?? "no lock"}`];
    }),
  );
}

/** Relations whose relfilenode the step changed (by name: a re-created index keeps its name, not its oid). */
const rewritten = (s: StepRun): string[] =>
  s.before.flatMap((r) => {
    const now = s.after.find((a) => a.name === r.name)?.filenode;
    return now === r.filenode ? [] : [`${r.name}: relfilenode ${r.filenode} → ${now ?? "gone"}`];
  });

const T = "create table public.t (id int primary key, v int);";
const FILL_T = `insert into public.t (id, v) select g, g from generate_series(1, ${ROWS}) g;`;
const INSERT_T = (n: number): string => `insert into public.t (id, v) values (${NEW + n}, ${NEW + n})`;
const simple = (to: string, extra: Partial<Case> = {}): Case => ({ from: T, to, fill: FILL_T, tables: ["public.t"], insert: INSERT_T, ...extra });

/** Declares one suite per case: the case runs once (in `before`), its tests read what it saw. */
function suite(name: string, c: Case, body: (get: () => CaseRun) => void): void {
  // One test at a time inside a case (they would inherit the outer concurrency).
  describe(name, { timeout: 120_000, concurrency: 1 }, () => {
    let run: CaseRun | undefined;
    before(async () => {
      if (!skip) run = await runCase(c);
    });
    after(async () => run?.scratch.drop());
    body(() => run!);
  });
}

/** Runs the statements in one transaction on a connection of its own; returns what the server said down to DEBUG1. */
async function debugMessages(url: string, statements: readonly string[]): Promise<string[]> {
  const said: string[] = [];
  const sql = postgres(url, { max: 1, fetch_types: false, onnotice: (n) => void said.push(String(n.message)) });
  try {
    await sql.begin(async (tx) => {
      await tx.unsafe("set local client_min_messages = debug1");
      for (const statement of statements) await tx.unsafe(statement);
    });
  } finally {
    await sql.end({ timeout: 5 });
  }
  return said;
}

/** `it`, but skipped (and counted as skipped) when the server is not there. */
function check(name: string, fn: (t: TestContext) => void | Promise<void>, options: { readonly todo?: string } = {}): void {
  it(name, { ...options, skip }, fn);
}

const SUE = "SHARE UPDATE EXCLUSIVE";

// The cases are independent (a database each, every watch by pid): three run at once to keep the suite short.
describe("online rewrites hold only the locks they should, watched on a real server", { concurrency: 3 }, () => {
  suite("CREATE INDEX CONCURRENTLY (a new index on an existing table)", simple(`${T}\ncreate index t_v_idx on public.t (v);`), (run) => {
    check("is planned as one CREATE INDEX CONCURRENTLY, outside any transaction", () => {
      assert.deepEqual(run().plan.steps.map((s) => [s.sql, s.transaction]), [[["CREATE INDEX CONCURRENTLY t_v_idx ON public.t USING btree (v);"], "none"]]);
    });
    check("holds SHARE UPDATE EXCLUSIVE on the table, nothing stronger", (t) => {
      const s = stepOf(run(), /^CREATE INDEX CONCURRENTLY/);
      t.diagnostic(describeRun(s));
      assertApplied(s);
      assert.equal(observed(s, "public.t"), SUE);
    });
    check("lets a concurrent insert through while it runs", () => assertInsertWentThrough(stepOf(run(), /^CREATE INDEX CONCURRENTLY/)));
    check("declares the locks pg_locks showed", () => assert.deepEqual(claimsMismatches(run(), ["public.t"]), []));
  });

  suite(
    "DROP INDEX CONCURRENTLY",
    simple(T, { from: `${T}\ncreate index t_v_idx on public.t (v);` }),
    (run) => {
      check("is planned as one DROP INDEX CONCURRENTLY, outside any transaction", () => {
        assert.deepEqual(run().plan.steps.map((s) => [s.sql, s.transaction]), [[["DROP INDEX CONCURRENTLY IF EXISTS public.t_v_idx;"], "none"]]);
      });
      check("holds SHARE UPDATE EXCLUSIVE on the table and on the index while it waits for the table's users", (t) => {
        const s = stepOf(run(), /^DROP INDEX CONCURRENTLY/);
        t.diagnostic(describeRun(s));
        assertApplied(s);
        assert.equal(observed(s, "public.t"), SUE);
        // It takes ACCESS EXCLUSIVE on the index itself for the final, instant unlink, when nothing can use it any more.
        assert.ok(["SHARE UPDATE EXCLUSIVE", "ACCESS EXCLUSIVE"].includes(observed(s, "public.t_v_idx") ?? ""), describeRun(s));
      });
      check("lets a concurrent insert through while it runs", () => assertInsertWentThrough(stepOf(run(), /^DROP INDEX CONCURRENTLY/)));
      check("declares the locks pg_locks showed", () => assert.deepEqual(claimsMismatches(run(), ["public.t"]), []));
    },
  );

  const PARENT_ROWS = ROWS / 10;
  suite(
    "FOREIGN KEY: NOT VALID, then VALIDATE",
    {
      from: "create table public.p (id int primary key);\ncreate table public.c (id int primary key, p int);",
      to: "create table public.p (id int primary key);\ncreate table public.c (id int primary key, p int references public.p);",
      fill: `insert into public.p select generate_series(1, ${PARENT_ROWS});
             insert into public.c select g, 1 + g % ${PARENT_ROWS} from generate_series(1, ${ROWS}) g;`,
      tables: ["public.c", "public.p"],
      // A new parent row and a child row referencing it: both tables take writes.
      insert: (n) => `insert into public.p values (${NEW + n}); insert into public.c values (${NEW + n}, ${NEW + n})`,
    },
    (run) => {
      check("is planned as ADD CONSTRAINT … NOT VALID, then VALIDATE CONSTRAINT in its own transaction", () => {
        assert.deepEqual(run().plan.steps.map((s) => [s.sql, s.transaction]), [
          [["ALTER TABLE public.c ADD CONSTRAINT c_p_fkey FOREIGN KEY (p) REFERENCES public.p(id) NOT VALID;"], "shared"],
          [["ALTER TABLE public.c VALIDATE CONSTRAINT c_p_fkey;"], "own"],
        ]);
      });
      check("VALIDATE holds SHARE UPDATE EXCLUSIVE on the referencing table and ROW SHARE on the referenced one", (t) => {
        const s = stepOf(run(), /VALIDATE CONSTRAINT/);
        t.diagnostic(describeRun(s));
        assertApplied(s);
        assert.equal(observed(s, "public.c"), SUE);
        assert.equal(observed(s, "public.p"), "ROW SHARE");
      });
      check("VALIDATE lets concurrent inserts into both tables through while it runs", () => assertInsertWentThrough(stepOf(run(), /VALIDATE CONSTRAINT/)));
      check("declares the locks pg_locks showed", () => assert.deepEqual(claimsMismatches(run(), ["public.c", "public.p"]), []));
    },
  );

  suite("CHECK: NOT VALID, then VALIDATE", simple(`create table public.t (id int primary key, v int check (v >= 0));`), (run) => {
    check("is planned as ADD CONSTRAINT … NOT VALID, then VALIDATE CONSTRAINT in its own transaction", () => {
      assert.deepEqual(run().plan.steps.map((s) => [s.sql, s.transaction]), [
        [["ALTER TABLE public.t ADD CONSTRAINT t_v_check CHECK ((v >= 0)) NOT VALID;"], "shared"],
        [["ALTER TABLE public.t VALIDATE CONSTRAINT t_v_check;"], "own"],
      ]);
    });
    check("VALIDATE holds SHARE UPDATE EXCLUSIVE on the table, nothing stronger", (t) => {
      const s = stepOf(run(), /VALIDATE CONSTRAINT/);
      t.diagnostic(describeRun(s));
      assertApplied(s);
      assert.equal(observed(s, "public.t"), SUE);
    });
    check("VALIDATE lets a concurrent insert through while it runs", () => assertInsertWentThrough(stepOf(run(), /VALIDATE CONSTRAINT/)));
    check("declares the locks pg_locks showed", () => assert.deepEqual(claimsMismatches(run(), ["public.t"]), []));
  });

  suite("SET NOT NULL through a validated CHECK", simple("create table public.t (id int primary key, v int not null);"), (run) => {
    check("is planned as CHECK NOT VALID, VALIDATE in its own transaction, then SET NOT NULL and the CHECK dropped", () => {
      assert.deepEqual(run().plan.steps.map((s) => [s.sql, s.transaction]), [
        [["ALTER TABLE public.t DROP CONSTRAINT IF EXISTS v_not_null_pgschema;", "ALTER TABLE public.t ADD CONSTRAINT v_not_null_pgschema CHECK (v IS NOT NULL) NOT VALID;"], "shared"],
        [["ALTER TABLE public.t VALIDATE CONSTRAINT v_not_null_pgschema;"], "own"],
        [["ALTER TABLE public.t ALTER COLUMN v SET NOT NULL;", "ALTER TABLE public.t DROP CONSTRAINT IF EXISTS v_not_null_pgschema;"], "shared"],
      ]);
    });
    check("the long step, VALIDATE, holds SHARE UPDATE EXCLUSIVE on the table, nothing stronger", (t) => {
      const s = stepOf(run(), /VALIDATE CONSTRAINT/);
      t.diagnostic(describeRun(s));
      assertApplied(s);
      assert.equal(observed(s, "public.t"), SUE);
    });
    check("VALIDATE lets a concurrent insert through while it runs", () => assertInsertWentThrough(stepOf(run(), /VALIDATE CONSTRAINT/)));
    check("SET NOT NULL takes ACCESS EXCLUSIVE: writers wait, then go through", (t) => {
      const s = stepOf(run(), /SET NOT NULL/);
      t.diagnostic(describeRun(s));
      assert.equal(observed(s, "public.t"), "ACCESS EXCLUSIVE");
      assertInsertWaitedThenWentThrough(s);
    });
    check("SET NOT NULL uses the validated CHECK instead of scanning the table under ACCESS EXCLUSIVE", async () => {
      const { plan, scratch } = run();
      const proof = /existing constraints on column "t\.v" are sufficient to prove that it does not contain nulls/;
      // Back to NULL allowed (the column keeps its values), then the plan's steps again: the first two as applySteps
      // runs them, the last one as it would too (a transaction, its SET LOCAL timeouts) on a connection that hears DEBUG1.
      await scratch.db.exec("alter table public.t alter column v drop not null");
      const items = upItems(plan);
      assert.deepEqual(await applySteps(scratch.db, items.slice(0, 2), plan.options), { applied: 2 });
      const last = items[2]!;
      const said = await debugMessages(scratch.url, [...timeoutStatements(last.step, plan.options, "local"), ...last.sql]);
      assert.ok(said.some((m) => proof.test(m)), `PostgreSQL did not skip the scan; it said:\n${said.join("\n")}`);
      // Control: a bare SET NOT NULL has no CHECK to rely on and scans.
      await scratch.db.exec("alter table public.t alter column v drop not null");
      const bare = await debugMessages(scratch.url, ["ALTER TABLE public.t ALTER COLUMN v SET NOT NULL;"]);
      assert.ok(!bare.some((m) => proof.test(m)), bare.join("\n"));
    });
    check("declares the locks pg_locks showed", () => assert.deepEqual(claimsMismatches(run(), ["public.t"]), []));
  });

  for (const [kind, from, to, sql] of [
    ["UNIQUE", T, "create table public.t (id int primary key, v int unique);", "ALTER TABLE public.t ADD CONSTRAINT t_v_key UNIQUE USING INDEX t_v_key;"],
    ["PRIMARY KEY", "create table public.t (id int not null, v int);", "create table public.t (id int primary key, v int);", "ALTER TABLE public.t ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX t_pkey;"],
  ] as const) {
    const build = /^CREATE UNIQUE INDEX CONCURRENTLY/;
    suite(`${kind}: CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … USING INDEX`, simple(to, { from }), (run) => {
      check("is planned as a concurrent index build outside any transaction, then the constraint taking it over", () => {
        const steps = run().plan.steps;
        assert.equal(steps.length, 2);
        assert.match(steps[0]!.sql.join(" "), /^CREATE UNIQUE INDEX CONCURRENTLY \w+ ON public\.t USING btree \((id|v)\);$/);
        assert.equal(steps[0]!.transaction, "none");
        assert.deepEqual(steps[1]!.sql, [sql]);
      });
      check("the index build holds SHARE UPDATE EXCLUSIVE on the table, nothing stronger", (t) => {
        const s = stepOf(run(), build);
        t.diagnostic(describeRun(s));
        assertApplied(s);
        assert.equal(observed(s, "public.t"), SUE);
      });
      check("the index build lets a concurrent insert through while it runs", () => assertInsertWentThrough(stepOf(run(), build)));
      check("declares the locks pg_locks showed", () => assert.deepEqual(claimsMismatches(run(), ["public.t"]), []));
    });
  }

  suite("a new column with a volatile default: ADD COLUMN without it, then SET DEFAULT", simple(`create table public.t (id int primary key, v int, token uuid default gen_random_uuid());`), (run) => {
    const ADD = /^ALTER TABLE public\.t ADD COLUMN token uuid;$/;
    check("is planned as ADD COLUMN with no default, then SET DEFAULT, in one step", () => {
      assert.deepEqual(run().plan.steps.map((s) => s.sql), [["ALTER TABLE public.t ADD COLUMN token uuid;", "ALTER TABLE public.t ALTER COLUMN token SET DEFAULT gen_random_uuid();"]]);
    });
    check("does not rewrite the table or its index: every relfilenode stays", () => {
      const s = stepOf(run(), ADD);
      assertApplied(s);
      assert.deepEqual(rewritten(s), []);
    });
    check("computes nothing for the existing rows: they get NULL, new rows the default", async () => {
      const [row] = await run().scratch.db.query<{ filled: number; empty: number }>(
        `select count(*) filter (where token is not null)::int as filled, count(*) filter (where token is null)::int as empty from public.t`,
      );
      assert.deepEqual(row, { filled: 1, empty: ROWS });
    });
    check("holds ACCESS EXCLUSIVE only for the step: a concurrent insert waits, then goes through", (t) => {
      const s = stepOf(run(), ADD);
      t.diagnostic(describeRun(s));
      assert.equal(observed(s, "public.t"), "ACCESS EXCLUSIVE");
      assertInsertWaitedThenWentThrough(s);
    });
    check("declares the locks pg_locks showed", () => assert.deepEqual(claimsMismatches(run(), ["public.t"]), []));
  });

  const NAMES = "create index t_name_idx on public.t (name);";
  for (const target of ["character varying(20)", "text"]) {
    suite(
      `varchar(10) widened to ${target}`,
      {
        from: `create table public.t (id int primary key, name varchar(10));\n${NAMES}`,
        to: `create table public.t (id int primary key, name ${target});\n${NAMES}`,
        fill: `insert into public.t select g, 'n' || (g % 100000) from generate_series(1, ${ROWS}) g;`,
        tables: ["public.t"],
        insert: (n) => `insert into public.t values (${NEW + n}, 'new')`,
      },
      (run) => {
        check("is planned as one ALTER COLUMN … TYPE", () => {
          assert.deepEqual(run().plan.steps.map((s) => s.sql), [[`ALTER TABLE public.t ALTER COLUMN name TYPE ${target};`]]);
        });
        check("does not rewrite the table, nor rebuild its indexes: every relfilenode stays", () => {
          const s = stepOf(run(), /ALTER COLUMN name TYPE/);
          assertApplied(s);
          assert.deepEqual(rewritten(s), []);
        });
        check("holds ACCESS EXCLUSIVE only for the step: a concurrent insert waits, then goes through", (t) => {
          const s = stepOf(run(), /ALTER COLUMN name TYPE/);
          t.diagnostic(describeRun(s));
          assert.equal(observed(s, "public.t"), "ACCESS EXCLUSIVE");
          assertInsertWaitedThenWentThrough(s);
        });
        check("declares the locks pg_locks showed", () => assert.deepEqual(claimsMismatches(run(), ["public.t"]), []));
      },
    );
  }

  const MOOD = (labels: string): string => `create type public.mood as enum (${labels});\ncreate table public.t (id int primary key, m public.mood);`;
  suite(
    "enum ADD VALUE",
    {
      from: MOOD("'sad', 'ok'"),
      to: MOOD("'sad', 'ok', 'happy'"),
      fill: `insert into public.t select g, 'ok' from generate_series(1, ${ROWS}) g;`,
      tables: ["public.t"],
      insert: (n) => `insert into public.t values (${NEW + n}, 'sad')`,
    },
    (run) => {
      check("runs outside the transaction of other steps (committed on its own)", () => {
        const steps = run().plan.steps;
        assert.deepEqual(steps.map((s) => s.sql), [["ALTER TYPE public.mood ADD VALUE 'happy';"]]);
        assert.ok(steps[0]!.transaction === "own" || steps[0]!.transaction === "none", steps[0]!.transaction);
      });
      check("takes no lock on the tables using the type: a concurrent insert goes through while it runs", (t) => {
        const s = stepOf(run(), /ADD VALUE/);
        t.diagnostic(describeRun(s));
        assert.equal(observed(s, "public.t"), undefined);
        assertInsertWentThrough(s);
      });
      check("the new value can be used once the step is done", async () => {
        await run().scratch.db.exec(`insert into public.t values (${NEW * 2}, 'happy')`);
      });
      check("declares the locks pg_locks showed", () => assert.deepEqual(claimsMismatches(run(), ["public.t"]), []));
    },
  );

  // Controls: without the online rewrites the same watch sees the blocking lock and the rewrite. They show the tests
  // above would fail if the planner stopped rewriting.
  suite("control: CHECK added plainly (online: false)", simple("create table public.t (id int primary key, v int check (v >= 0));", { options: { online: false } }), (run) => {
    check("holds ACCESS EXCLUSIVE for the whole scan: the concurrent insert waits until the step is done", (t) => {
      const s = stepOf(run(), /ADD CONSTRAINT t_v_check CHECK \(\(v >= 0\)\);$/);
      t.diagnostic(describeRun(s));
      assert.equal(observed(s, "public.t"), "ACCESS EXCLUSIVE");
      assertInsertWaitedThenWentThrough(s);
    });
    check("declares the locks pg_locks showed", () => assert.deepEqual(claimsMismatches(run(), ["public.t"]), []));
  });

  suite(
    "control: a column with a volatile default added plainly (online: false)",
    simple("create table public.t (id int primary key, v int, token uuid default gen_random_uuid());", { options: { online: false } }),
    (run) => {
      check("rewrites the table: its relfilenode changes", () => {
        const s = stepOf(run(), /ADD COLUMN token uuid DEFAULT gen_random_uuid\(\);$/);
        assertApplied(s);
        assert.ok(rewritten(s).some((d) => d.startsWith("public.t:")), describeRun(s));
      });
    },
  );
});
