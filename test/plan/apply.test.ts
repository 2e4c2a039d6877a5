import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { DatabaseError } from "../../src/db/errors.js";
import { openPglite } from "../../src/db/open.js";
import type { Database } from "../../src/db/queryable.js";
import { applyDown, applySteps, applyUp, VerificationFailed } from "../../src/plan/apply.js";
import { upItems } from "../../src/plan/groups.js";
import { assertSetting, planOf, step } from "../helpers/steps.js";
import { scratchDatabase, serverUnavailable } from "../helpers/server.js";

/** One plan of every transaction mode: shared steps batched, an `own` enum value, a `none` concurrent index. */
const modes = planOf([
  step("create table public.t", ["CREATE TABLE public.t (id int);"], { reverse: { class: "reversible", sql: ["DROP TABLE public.t;"] } }),
  step("create type public.mood", ["CREATE TYPE public.mood AS ENUM ('a');"], { reverse: { class: "reversible", sql: ["DROP TYPE public.mood;"] } }),
  step("add value b to public.mood", ["ALTER TYPE public.mood ADD VALUE 'b';"], { transaction: "own" }),
  step("create index public.t_id_idx", ["CREATE INDEX CONCURRENTLY t_id_idx ON public.t (id);"], {
    transaction: "none",
    long: true,
    reverse: { class: "reversible", sql: ["DROP INDEX CONCURRENTLY public.t_id_idx;"], transaction: "none" },
  }),
  // Uses the new value: fails unless the `own` step committed before this one runs.
  step("create table public.u", ["CREATE TABLE public.u (m public.mood DEFAULT 'b');", "INSERT INTO public.u DEFAULT VALUES;"], {
    reverse: { class: "reversible", sql: ["DROP TABLE public.u;"] },
  }),
  step("drop index implied by another step", [], { impliedBy: "table:public.t" }),
]);

const relations = async (db: Database): Promise<string[]> =>
  (await db.query<{ r: string }>("select relname::text as r from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'i') order by 1")).map((x) => x.r);

interface Target {
  readonly name: string;
  readonly skip: string | false;
  readonly open: () => Promise<{ db: Database; close: () => Promise<void> }>;
}

const unavailable = await serverUnavailable();
const TARGETS: Target[] = [
  { name: "PGlite", skip: false, open: async () => { const db = await openPglite(); return { db, close: () => db.close() }; } },
  { name: "server", skip: unavailable ?? false, open: async () => { const s = await scratchDatabase("pgs_apply"); return { db: s.db, close: () => s.drop() }; } },
];

for (const target of TARGETS) {
  describe(`applySteps on ${target.name}`, { skip: target.skip }, () => {
    let db: Database;
    let close: () => Promise<void>;
    before(async () => ({ db, close } = await target.open()));
    after(async () => close?.());
    const reset = () => db.exec("drop schema public cascade; create schema public;");

    it("runs shared steps together, an own step alone, a none step outside transactions; DOWN undoes them", async () => {
      await reset();
      const messages: string[] = [];
      const up = await applyUp(db, modes, { progress: (m) => messages.push(m) });
      assert.deepEqual(up, { applied: 5 });
      assert.deepEqual(await relations(db), ["t", "t_id_idx", "u"]);
      const [valid] = await db.query<{ ok: boolean }>("select indisvalid as ok from pg_index where indexrelid = 'public.t_id_idx'::regclass");
      assert.equal(valid?.ok, true);
      assert.deepEqual(messages, [
        "step 1/5: create table public.t",
        "step 2/5: create type public.mood",
        "step 3/5: add value b to public.mood",
        "step 4/5: create index public.t_id_idx",
        "step 5/5: create table public.u",
      ]);
      // The `own` enum value is irreversible: DOWN runs the other four reversals, last step first.
      const down = await applyDown(db, modes);
      assert.deepEqual(down, { applied: 4 });
      assert.deepEqual(await relations(db), []);
      assert.deepEqual(await db.query("select 1 from pg_type where typname = 'mood'"), []);
    });

    it("sets lock_timeout and statement_timeout before every step (the long one for long steps), and neither outlives the run", async () => {
      await reset();
      const options = { lockTimeout: "7s", statementTimeout: "42s", longStatementTimeout: "3min" };
      const plan = planOf([
        step("in a transaction", [assertSetting("lock_timeout", "7s"), assertSetting("statement_timeout", "42s")]),
        step("long, in a transaction", [assertSetting("statement_timeout", "3min")], { long: true }),
        step("own transaction", [assertSetting("lock_timeout", "7s"), assertSetting("statement_timeout", "42s")], { transaction: "own" }),
        step("outside a transaction", ["CREATE TABLE public.c (id int);", assertSetting("lock_timeout", "7s"), "CREATE INDEX CONCURRENTLY c_id ON public.c (id);"], { transaction: "none" }),
        step("long, outside a transaction", [assertSetting("statement_timeout", "3min")], { transaction: "none", long: true }),
      ], options);
      assert.deepEqual(await applyUp(db, plan), { applied: 5 });
      const [after] = await db.query<{ lock: string; statement: string }>("select current_setting('lock_timeout') as lock, current_setting('statement_timeout') as statement");
      assert.deepEqual(after, { lock: "0", statement: "0" });
      // The check itself bites.
      const wrong = await applyUp(db, planOf([step("wrong", [assertSetting("lock_timeout", "99s")])], options));
      assert.match(wrong.failed?.error.message ?? "", /lock_timeout is 7s, expected 99s/);
    });

    it("reports a failed transaction group: earlier groups stay committed, the failed group is rolled back whole", async () => {
      await reset();
      const plan = planOf([
        step("a", ["CREATE TABLE public.a (id int);"]),
        step("b", ["CREATE TABLE public.b (id int);"]),
        step("c", ["CREATE TABLE public.c (id int);"], { transaction: "own" }),
        step("d", ["CREATE TABLE public.d (id int);"]),
        step("e", ["CREATE TABLE public.e (id int REFERENCES public.nope);"]),
        step("f", ["CREATE TABLE public.f (id int);"]),
      ]);
      const result = await applyUp(db, plan);
      assert.equal(result.applied, 3);
      assert.equal(result.failed?.index, 4);
      assert.equal(result.failed?.step.why, "e");
      assert.equal(result.failed?.statement, "CREATE TABLE public.e (id int REFERENCES public.nope);");
      assert.ok(result.failed?.error instanceof DatabaseError);
      assert.equal((result.failed?.error as DatabaseError).code, "42P01");
      assert.deepEqual(await relations(db), ["a", "b", "c"]);
    });

    it("names the statement outside a transaction that failed, a bad timeout setting, and a failed COMMIT", async () => {
      await reset();
      const none = await applyUp(db, planOf([
        step("a", ["CREATE TABLE public.a (id int);"]),
        step("index", ["CREATE INDEX CONCURRENTLY a_x ON public.a (nope);"], { transaction: "none" }),
      ]));
      assert.equal(none.applied, 1);
      assert.equal(none.failed?.index, 1);
      assert.equal((none.failed?.error as DatabaseError).code, "42703");

      const badTimeout = await applySteps(db, upItems(planOf([step("x", ["CREATE TABLE public.x (id int);"])])), { ...modes.options, lockTimeout: "soon" }, {});
      assert.equal(badTimeout.applied, 0);
      assert.equal(badTimeout.failed?.statement, "SET LOCAL lock_timeout = 'soon';");
      assert.equal((badTimeout.failed?.error as DatabaseError).code, "22023");

      const deferred = await applyUp(db, planOf([
        step("parent", ["CREATE TABLE public.p (id int PRIMARY KEY);"]),
        step("child", ["CREATE TABLE public.ch (p int REFERENCES public.p DEFERRABLE INITIALLY DEFERRED);", "INSERT INTO public.ch VALUES (1);"]),
      ]));
      assert.equal(deferred.applied, 0);
      assert.equal(deferred.failed?.statement, "COMMIT");
      assert.equal(deferred.failed?.index, 1);
      assert.equal((deferred.failed?.error as DatabaseError).code, "23503");
      assert.deepEqual(await relations(db), ["a"]);
    });

    it("with verify, runs each step's verification right after it, inside its transaction; false fails the step", async () => {
      await reset();
      const exists = (name: string) => `SELECT to_regclass('public.${name}') IS NOT NULL AS ok;`;
      const plan = planOf([
        // Checked before the next step drops the table again: true then, false at the end.
        step("create a", ["CREATE TABLE public.a (id int);"], { verify: exists("a") }),
        step("drop a", ["DROP TABLE public.a;"], { verify: "SELECT to_regclass('public.a') IS NULL AS ok;" }),
        step("index", ["CREATE TABLE public.b (id int);", "CREATE INDEX CONCURRENTLY b_id ON public.b (id);"], { transaction: "none", verify: exists("b_id") }),
        step("c", ["CREATE TABLE public.c (id int);"], { verify: exists("nope") }),
      ]);
      const result = await applyUp(db, plan, { verify: true });
      assert.equal(result.applied, 3);
      assert.equal(result.failed?.index, 3);
      assert.equal(result.failed?.verification, true);
      assert.equal(result.failed?.statement, exists("nope"));
      assert.ok(result.failed?.error instanceof VerificationFailed);
      assert.equal(result.failed?.error.message, "the verification query returned false, not true");
      assert.deepEqual(await relations(db), ["b", "b_id"]);
      const badQuery = await applyUp(db, planOf([step("d", ["CREATE TABLE public.d (id int);"], { verify: "SELECT nope AS ok;" })]), { verify: true });
      assert.equal((badQuery.failed?.error as DatabaseError).code, "42703");
      assert.equal(badQuery.failed?.verification, true);
      assert.deepEqual(await relations(db), ["b", "b_id"]);
    });
  });
}
