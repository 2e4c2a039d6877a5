import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, it } from "node:test";
import type { Catalog } from "../../src/catalog/model.js";
import { openPostgresJs } from "../../src/db/postgres-js.js";
import { provePlan } from "../../src/plan/prove.js";
import type { Step } from "../../src/plan/step.js";
import { catalogFromSql } from "../../src/sources/sql-files.js";
import { planOf, step } from "../helpers/steps.js";
import { SERVER_URL, serverUnavailable } from "../helpers/server.js";

const load = (text: string, schemas?: string[], shadow?: string): Promise<Catalog> =>
  catalogFromSql([{ name: "test.sql", text }], { ...(schemas ? { schemas } : {}), ...(shadow ? { shadow } : {}) });

const FROM = "create table public.t (id int);";
const TO = `${FROM}\ncreate index t_id_idx on public.t (id);\ncreate table public.u (id int primary key);`;
const from = await load(FROM);
const to = await load(TO);

const createU = (extra: Partial<Step> = {}): Step =>
  step("create table public.u", ["CREATE TABLE public.u (id int PRIMARY KEY);"], {
    reverse: { class: "reversible", sql: ["DROP TABLE public.u;"] },
    verify: "SELECT to_regclass('public.u') IS NOT NULL AS ok;",
    ...extra,
  });
const createIndex = step("create index public.t_id_idx", ["CREATE INDEX CONCURRENTLY t_id_idx ON public.t (id);"], {
  transaction: "none",
  long: true,
  reverse: { class: "reversible", sql: ["DROP INDEX CONCURRENTLY public.t_id_idx;"], transaction: "none" },
  verify: "SELECT EXISTS (SELECT FROM pg_index WHERE indexrelid = to_regclass('public.t_id_idx') AND indisvalid) AS ok;",
});

describe("provePlan on PGlite", () => {
  it("passes a plan that converges both ways, and says which checks ran", async () => {
    const messages: string[] = [];
    const report = await provePlan(planOf([createU(), createIndex]), from, to, { progress: (m) => messages.push(m) });
    assert.equal(report.ok, true, JSON.stringify(report.failure));
    assert.deepEqual(report.checks.map((c) => [c.name, c.ok]), [
      ["setup", true], ["up", true], ["verify", true], ["converge", true], ["replan", true], ["down", true], ["restore", true],
    ]);
    assert.ok(messages.includes("proof: UP step 2/2: create index public.t_id_idx"), messages.join("\n"));
  });

  it("reports a step that fails with the step, the statement and PostgreSQL's error", async () => {
    const bad = step("create table public.u", ["CREATE TABLE public.u (id int REFERENCES public.nope);"]);
    const report = await provePlan(planOf([createIndex, bad]), from, to);
    assert.equal(report.ok, false);
    assert.equal(report.failure?.phase, "up");
    assert.equal(report.failure?.step, 2);
    assert.equal(report.failure?.why, "create table public.u");
    assert.equal(report.failure?.statement, "CREATE TABLE public.u (id int REFERENCES public.nope);");
    assert.match(report.failure?.error ?? "", /^ERROR 42P01: relation "public.nope" does not exist/);
  });

  it("reports a plan that does not reach `to`, naming the first differing paths", async () => {
    const report = await provePlan(planOf([createU()]), from, to);
    assert.equal(report.failure?.phase, "converge");
    assert.match(report.failure?.diff ?? "", /^indexes\[public\.t_id_idx\]: absent → \{/m);
  });

  it("checks each verification right after its step: a helper a later step removes again verifies", async () => {
    const helper = step("create helper", ["CREATE TABLE public.helper ();"], {
      reverse: { class: "reversible", sql: ["DROP TABLE public.helper;"] },
      verify: "SELECT to_regclass('public.helper') IS NOT NULL AS ok;",
    });
    const dropHelper = step("drop helper", ["DROP TABLE public.helper;"], {
      reverse: { class: "reversible", sql: ["CREATE TABLE public.helper ();"] },
      verify: "SELECT to_regclass('public.helper') IS NULL AS ok;",
    });
    const report = await provePlan(planOf([helper, createU(), dropHelper, createIndex]), from, to);
    assert.equal(report.ok, true, JSON.stringify(report.failure));
    assert.equal(report.checks.find((c) => c.name === "verify")?.detail, "4 verification queries held right after their steps");
  });

  it("reports a verification query that is not true right after its step", async () => {
    const report = await provePlan(planOf([createU({ verify: "SELECT to_regclass('public.nope') IS NOT NULL AS ok;" }), createIndex]), from, to);
    assert.equal(report.failure?.phase, "verify");
    assert.equal(report.failure?.step, 1);
    assert.match(report.failure?.error ?? "", /returned false/);
  });

  it("reports a DOWN that does not restore `from`, and a DOWN statement that fails", async () => {
    const keeps = await provePlan(planOf([createU({ reverse: { class: "reversible", sql: ["SELECT 1;"] } }), createIndex]), from, to);
    assert.equal(keeps.failure?.phase, "restore");
    assert.match(keeps.failure?.diff ?? "", /^tables\[public\.u\]: \{.*→ absent$/m);
    const fails = await provePlan(planOf([createU({ reverse: { class: "reversible", sql: ["DROP TABLE public.nope;"] } }), createIndex]), from, to);
    assert.equal(fails.failure?.phase, "down");
    assert.equal(fails.failure?.step, 1, "the UP number of the step whose reversal failed");
    assert.match(fails.failure?.error ?? "", /42P01/);
  });

  it("skips the DOWN check when a step is irreversible, and says so", async () => {
    const report = await provePlan(planOf([createU({ reverse: { class: "irreversible", why: "because" } }), createIndex]), from, to);
    assert.equal(report.ok, true);
    assert.deepEqual(report.checks.at(-1), { name: "down", ok: true, detail: "skipped: step 1 is irreversible (because)" });
  });

  it("creates the roles both schemas name before loading `from`", async () => {
    const roles = "create role app_owner; create role reader;";
    const a = await load(`${roles}\ncreate table public.t (id int);\nalter table public.t owner to app_owner;`);
    const b = await load(`${roles}\ncreate table public.t (id int);\nalter table public.t owner to app_owner;\ngrant select on public.t to reader;`);
    const grant = step("grant select on public.t to reader", ["GRANT SELECT ON public.t TO reader;"], {
      reverse: { class: "reversible", sql: ["REVOKE SELECT ON public.t FROM reader;"] },
    });
    const report = await provePlan(planOf([grant]), a, b);
    assert.equal(report.ok, true, JSON.stringify(report.failure));
  });

  it("drops `public` from the scratch database when neither schema has it, and reads only --schema schemas", async () => {
    const noPublic = "drop schema public; create schema app; create table app.t (id int);";
    const a = await load(noPublic);
    const b = await load(`${noPublic}\ncreate table app.u (id int);`);
    const createAppU = step("create table app.u", ["CREATE TABLE app.u (id int);"], { reverse: { class: "reversible", sql: ["DROP TABLE app.u;"] } });
    assert.equal((await provePlan(planOf([createAppU]), a, b)).ok, true);
    const limitedA = await load(`${FROM}\ncreate schema app; create table app.t (id int);`, ["app"]);
    const limitedB = await load(`${FROM}\ncreate schema app; create table app.t (id int); create table app.u (id int);`, ["app"]);
    const limited = await provePlan(planOf([createAppU]), limitedA, limitedB, { schemas: ["app"] });
    assert.equal(limited.ok, true, JSON.stringify(limited.failure));
  });

  it("reports a `from` it cannot copy as a setup failure: a load error, or a copy that reads back differently", async () => {
    const table = from.tables[0]!;
    const unloadable: Catalog = { ...from, tables: [{ ...table, columns: [{ ...table.columns[0]!, type: "public.nosuch" }] }] };
    const load = await provePlan(planOf([createU()]), unloadable, to);
    assert.equal(load.failure?.phase, "setup");
    assert.match(load.failure?.error ?? "", /ERROR 42704: type "public\.nosuch" does not exist/);
    const edge = { from: "table:public.t", to: "table:public.zzz" };
    const differs = await provePlan(planOf([createU()]), { ...from, dependencies: [...from.dependencies, edge] }, to);
    assert.equal(differs.failure?.phase, "setup");
    assert.match(differs.failure?.diff ?? "", /dependencies\[table:public\.t → table:public\.zzz\]: absent → \{/);
  });

  it("proves an empty plan without a database: `from` must equal `to`", async () => {
    assert.deepEqual(await provePlan(planOf([]), from, from), { ok: true, checks: [{ name: "converge", ok: true, detail: "empty plan: the schemas are equal" }] });
    const report = await provePlan(planOf([step("implied", [])]), from, to);
    assert.equal(report.failure?.phase, "converge");
    assert.match(report.failure?.diff ?? "", /tables\[public\.u\]: absent →/);
  });
});

describe("provePlan --shadow on the server", async () => {
  const unavailable = await serverUnavailable();
  const admin = async <T>(fn: (db: Awaited<ReturnType<typeof openPostgresJs>>) => Promise<T>): Promise<T> => {
    const db = await openPostgresJs(SERVER_URL, { max: 1 });
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  };
  const leftovers = (role: string): Promise<number> =>
    admin(async (db) => {
      const [r] = await db.query<{ n: number }>(
        "select ((select count(*) from pg_database where datname like 'pg_schema_shadow_%') + (select count(*) from pg_roles where rolname = $1))::int as n",
        [role],
      );
      return r!.n;
    });

  it("proves on a temporary database, then drops it and the roles it created", { skip: unavailable ?? false }, async () => {
    const role = `pgs_reader_${randomBytes(3).toString("hex")}`;
    // Loaded on the same server (a PostgreSQL 18 catalog holds privileges 15 does not know, MAINTAIN), with the
    // role present only while loading: the proof must create it again, and drop it afterwards.
    await admin((db) => db.exec(`create role ${role}`));
    let a: Catalog, b: Catalog;
    try {
      a = await load(FROM, undefined, SERVER_URL);
      b = await load(`${FROM}\ncreate index t_id_idx on public.t (id);\ngrant select on public.t to ${role};`, undefined, SERVER_URL);
    } finally {
      await admin((db) => db.exec(`drop role ${role}`));
    }
    const before = await leftovers(role);
    const grant = step("grant", [`GRANT SELECT ON public.t TO ${role};`], { reverse: { class: "reversible", sql: [`REVOKE SELECT ON public.t FROM ${role};`] } });
    const report = await provePlan(planOf([grant, createIndex]), a, b, { shadow: SERVER_URL });
    assert.equal(report.ok, true, JSON.stringify(report.failure));
    assert.equal(await leftovers(role), before);
  });
});
