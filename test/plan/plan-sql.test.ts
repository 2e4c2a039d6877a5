import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { hazard } from "../../src/plan/hazards.js";
import { planToSql } from "../../src/report/plan-sql.js";
import { assertSetting, planOf, step } from "../helpers/steps.js";
import { scratchDatabase, serverUnavailable } from "../helpers/server.js";

const OPTIONS = { lockTimeout: "7s", statementTimeout: "42s", longStatementTimeout: "3min" };

/** Every transaction mode, a long step, a retry cleanup, a step without SQL, each checking its own timeouts. */
const plan = planOf([
  step("create table public.t", ["CREATE TABLE public.t (id int);", assertSetting("lock_timeout", "7s")], {
    hazards: [hazard("breaking-readers", "a test hazard\nover two lines")],
    reverse: { class: "reversible", sql: ["DROP TABLE public.t;"] },
  }),
  step("create type public.mood", ["CREATE TYPE public.mood AS ENUM ('a');"], { reverse: { class: "reversible", sql: ["DROP TYPE public.mood;"] } }),
  step("add value b to public.mood", ["ALTER TYPE public.mood ADD VALUE 'b';", assertSetting("statement_timeout", "42s")], { transaction: "own" }),
  step("create index public.t_id_idx", [assertSetting("statement_timeout", "3min"), "CREATE INDEX CONCURRENTLY t_id_idx ON public.t (id);"], {
    transaction: "none",
    long: true,
    hazards: [hazard("index-build", "builds an index on public.t")],
    retry: { safe: true, cleanup: ["DROP INDEX CONCURRENTLY IF EXISTS public.t_id_idx;"] },
    reverse: { class: "reversible", sql: ["DROP INDEX CONCURRENTLY public.t_id_idx;", assertSetting("lock_timeout", "7s")], transaction: "none" },
  }),
  step("create table public.u", ["CREATE TABLE public.u (m public.mood DEFAULT 'b');", "INSERT INTO public.u DEFAULT VALUES;"], {
    reverse: { class: "lossy", sql: ["DROP TABLE public.u;"], lost: "the rows of public.u" },
  }),
  step("drop sequence implied by a table", [], { impliedBy: "table:public.old" }),
  step("scan public.t", [assertSetting("statement_timeout", "3min"), "ALTER TABLE public.t ADD CONSTRAINT t_id_check CHECK (id > 0);"], {
    long: true,
    retry: { safe: false },
    reverse: { class: "reversible", sql: ["ALTER TABLE public.t DROP CONSTRAINT t_id_check;"] },
  }),
], OPTIONS);

const UP = `-- pg-schema plan: 6 steps
-- hazards: breaking-readers 1, index-build 1
-- 1 step(s) run outside a transaction: run the file as is (psql -v ON_ERROR_STOP=1 -f), not wrapped in BEGIN
-- without SQL of their own (done by another step): step 6 (drop sequence implied by a table)

BEGIN;

-- step 1: create table public.t
-- hazard: breaking-readers: a test hazard over two lines
SET LOCAL lock_timeout = '7s';
SET LOCAL statement_timeout = '42s';
CREATE TABLE public.t (id int);
${assertSetting("lock_timeout", "7s")}

-- step 2: create type public.mood
SET LOCAL lock_timeout = '7s';
SET LOCAL statement_timeout = '42s';
CREATE TYPE public.mood AS ENUM ('a');

COMMIT;

BEGIN;

-- step 3: add value b to public.mood
SET LOCAL lock_timeout = '7s';
SET LOCAL statement_timeout = '42s';
ALTER TYPE public.mood ADD VALUE 'b';
${assertSetting("statement_timeout", "42s")}

COMMIT;

-- step 4: create index public.t_id_idx (outside a transaction)
-- hazard: index-build: builds an index on public.t
-- retry: if this step failed, first run: DROP INDEX CONCURRENTLY IF EXISTS public.t_id_idx;
SET lock_timeout = '7s';
SET statement_timeout = '3min';
${assertSetting("statement_timeout", "3min")}
CREATE INDEX CONCURRENTLY t_id_idx ON public.t (id);

BEGIN;

-- step 5: create table public.u
SET LOCAL lock_timeout = '7s';
SET LOCAL statement_timeout = '42s';
CREATE TABLE public.u (m public.mood DEFAULT 'b');
INSERT INTO public.u DEFAULT VALUES;

-- step 7: scan public.t
-- retry: not safe to run again as is; check its verification query first
SET LOCAL lock_timeout = '7s';
SET LOCAL statement_timeout = '3min';
${assertSetting("statement_timeout", "3min")}
ALTER TABLE public.t ADD CONSTRAINT t_id_check CHECK (id > 0);

COMMIT;
`;

const DOWN = `-- pg-schema plan: DOWN of 6 steps, last step first
-- 1 step(s) run outside a transaction: run the file as is (psql -v ON_ERROR_STOP=1 -f), not wrapped in BEGIN
-- without SQL of their own (done by another step): step 6 (drop sequence implied by a table)
-- irreversible: step 3 cannot be undone: a test step
-- lossy: undoing step 5 does not bring back the rows of public.u

BEGIN;

-- undo step 7: scan public.t
SET LOCAL lock_timeout = '7s';
SET LOCAL statement_timeout = '3min';
ALTER TABLE public.t DROP CONSTRAINT t_id_check;

-- undo step 5: create table public.u
-- lost: the rows of public.u
SET LOCAL lock_timeout = '7s';
SET LOCAL statement_timeout = '42s';
DROP TABLE public.u;

COMMIT;

-- undo step 4: create index public.t_id_idx (outside a transaction)
SET lock_timeout = '7s';
SET statement_timeout = '3min';
DROP INDEX CONCURRENTLY public.t_id_idx;
${assertSetting("lock_timeout", "7s")}

BEGIN;

-- undo step 2: create type public.mood
SET LOCAL lock_timeout = '7s';
SET LOCAL statement_timeout = '42s';
DROP TYPE public.mood;

-- undo step 1: create table public.t
SET LOCAL lock_timeout = '7s';
SET LOCAL statement_timeout = '42s';
DROP TABLE public.t;

COMMIT;
`;

describe("planToSql", () => {
  it("writes transaction groups, comments and timeouts around every step (UP)", () => {
    assert.equal(planToSql(plan, "up"), UP);
  });

  it("writes the reversals last step first, with what is lost and what cannot be undone (DOWN)", () => {
    assert.equal(planToSql(plan, "down"), DOWN);
  });

  it("says so when there is nothing to do", () => {
    assert.equal(planToSql(planOf([])), "-- pg-schema plan: no changes\n");
    assert.equal(planToSql(planOf([step("implied", [])]), "down"), "-- pg-schema plan: no changes\n");
    const irreversible = planToSql(planOf([step("only", ["SELECT 1;"])]), "down");
    assert.match(irreversible, /-- irreversible: step 1 cannot be undone: a test step\n\n-- nothing to run: no step can be undone\n$/);
  });
});

describe("planToSql output runs in psql", async () => {
  const unavailable = await serverUnavailable();
  const run = (url: string, sql: string): void => {
    const file = join(mkdtempSync(join(tmpdir(), "pg-schema-plan-sql-")), "plan.sql");
    writeFileSync(file, sql);
    execFileSync("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", file, url], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  };

  it("UP builds the schema (each step asserting its own timeouts), DOWN takes it away", { skip: unavailable ?? false }, async () => {
    const scratch = await scratchDatabase("pgs_plan_sql");
    try {
      run(scratch.url, planToSql(plan, "up"));
      const [state] = await scratch.db.query<{ labels: string; valid: boolean; rows: number; checked: boolean }>(
        `select (select string_agg(enumlabel, ',' order by enumsortorder) from pg_enum where enumtypid = 'public.mood'::regtype) as labels,
                (select indisvalid from pg_index where indexrelid = 'public.t_id_idx'::regclass) as valid,
                (select count(*)::int from public.u where m = 'b') as rows,
                exists (select from pg_constraint where conname = 't_id_check') as checked`,
      );
      assert.deepEqual(state, { labels: "a,b", valid: true, rows: 1, checked: true });
      run(scratch.url, planToSql(plan, "down"));
      const left = await scratch.db.query("select relname from pg_class where relnamespace = 'public'::regnamespace union all select typname from pg_type where typname = 'mood'");
      assert.deepEqual(left, []);
    } finally {
      await scratch.drop();
    }
  });

  it("a failing statement stops the script (ON_ERROR_STOP) with the transaction rolled back", { skip: unavailable ?? false }, async () => {
    const scratch = await scratchDatabase("pgs_plan_sql");
    try {
      const failing = planOf([step("a", ["CREATE TABLE public.a (id int);"]), step("b", ["CREATE TABLE public.b (id int REFERENCES public.nope);"])]);
      assert.throws(() => run(scratch.url, planToSql(failing)), /relation "public.nope" does not exist/);
      assert.deepEqual(await scratch.db.query("select to_regclass('public.a') as a where to_regclass('public.a') is not null"), []);
    } finally {
      await scratch.drop();
    }
  });
});
