import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { planCommandWith, type PlanCommandDeps } from "../../src/cli/commands/plan.js";
import { UsageError } from "../../src/cli/io.js";
import { parseRenameHint, parseRenamesFile } from "../../src/cli/rename-hints.js";
import type { PlanOptions } from "../../src/plan/options.js";
import { hazard } from "../../src/plan/hazards.js";
import { provePlan } from "../../src/plan/prove.js";
import { loadCatalog } from "../../src/sources/source.js";
import { cli } from "../helpers/cli.js";
import { planOf, step } from "../helpers/steps.js";

const SHOP = new URL("../../examples/shop.sql", import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), "pg-schema-plan-cli-"));
const file = (name: string, text: string): string => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};

describe("pg-schema plan --help and usage errors", () => {
  it("documents every option and the exit codes, and is listed in the main help", async () => {
    const r = await cli("plan", "--help");
    assert.equal(r.code, 0);
    for (const option of ["--from", "--to", "--format <sql|json|md>", "--down", "--json", "--no-online", "--lock-timeout", "--statement-timeout",
      "--allow-data-loss", "--rename <kind:old=new>", "--renames <file.json>", "--no-verify", "--shadow", "--schema", "--no-owners",
      "--no-privileges", "--output", "--quiet"]) {
      assert.ok(r.stdout.includes(option), option);
    }
    assert.match(r.stdout, /Exit codes: 0 no changes; 1 error .*\n2 a plan; 3 a plan with a data-loss step and no --allow-data-loss/);
    assert.match((await cli("--help")).stdout, /^ {2}plan +plan the migration/m);
  });

  it("exits 1 with the reason on bad usage", async () => {
    const cases: [string[], RegExp][] = [
      [["plan", "--from", SHOP], /needs --from <source> and --to <source>/],
      [["plan", "--from", SHOP, "--to", SHOP, "--format", "yaml"], /unknown --format yaml/],
      [["plan", "--from", SHOP, "--to", SHOP, "--json", "--down"], /--down writes the DOWN script/],
      [["plan", "--from", SHOP, "--to", SHOP, "--rename", "users=customers"], /--rename users=customers: expected kind:old=new/],
      [["plan", "--from", SHOP, "--to", SHOP, "--lock-timeout", "soon"], /--lock-timeout soon: expected a PostgreSQL duration/],
      [["plan", "--from", SHOP, "--to", SHOP, "--renames", join(tmp, "missing.json")], /--renames .*missing\.json/],
      [["plan", SHOP, SHOP], /unexpected argument/],
      [["plan", "--frob"], /--frob/],
    ];
    for (const [argv, message] of cases) {
      const r = await cli(...argv);
      assert.equal(r.code, 1, argv.join(" "));
      assert.match(r.stderr, message);
      assert.equal(r.stdout, "");
    }
  });
});

describe("--rename and --renames", () => {
  it("qualifies names with public when the schema is left out", () => {
    assert.deepEqual(parseRenameHint("table:users=customers"), { kind: "table", from: "public.users", to: "customers" });
    assert.deepEqual(parseRenameHint("table:app.users=customers"), { kind: "table", from: "app.users", to: "customers" });
    assert.deepEqual(parseRenameHint("column:users.email=mail"), { kind: "column", from: "public.users.email", to: "mail" });
    assert.deepEqual(parseRenameHint("column:app.users.email=mail"), { kind: "column", from: "app.users.email", to: "mail" });
    assert.deepEqual(parseRenameHint("schema:old=new"), { kind: "schema", from: "old", to: "new" });
    assert.deepEqual(parseRenameHint("materialized-view:stats=totals"), { kind: "materialized-view", from: "public.stats", to: "totals" });
  });

  it("rejects what it cannot read, with an example", () => {
    for (const bad of ["users=customers", "tabel:users=customers", "table:users=", "table:users=app.customers", "column:email=mail",
      "column:a.b.c.d=e", "schema:a.b=c", "table:a..b=c"]) {
      assert.throws(() => parseRenameHint(bad), (e: unknown) => e instanceof UsageError && e.message.includes("e.g. table:public.users=customers"), bad);
    }
  });

  it("reads a file of flag strings and objects", () => {
    assert.deepEqual(parseRenamesFile('["table:users=customers", {"kind": "column", "from": "users.email", "to": "mail"}]', "r.json"), [
      { kind: "table", from: "public.users", to: "customers" },
      { kind: "column", from: "public.users.email", to: "mail" },
    ]);
    assert.equal(parseRenamesFile('{"renames": []}', "r.json").length, 0);
    assert.throws(() => parseRenamesFile("{", "r.json"), /--renames r\.json: not JSON/);
    assert.throws(() => parseRenamesFile('[{"kind": "table"}]', "r.json"), /each rename is/);
  });
});

describe("pg-schema plan on real sources", () => {
  it("exits 0 with an empty plan for two copies of the same schema", async () => {
    const copy = join(tmp, "shop-copy.sql");
    copyFileSync(SHOP, copy);
    const r = await cli("plan", "--from", SHOP, "--to", copy);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, "-- pg-schema plan: no changes\n");
    assert.match(r.stderr, /from: starting embedded PostgreSQL/);
    assert.match(r.stderr, /no changes/);
  });

  it("proves a plan on PGlite and prints it (exit 2); a plan that fails its proof prints nothing (exit 1)", async () => {
    const from = file("from.sql", "create table public.t (id int);");
    const to = file("to.sql", "create table public.t (id int);\ncreate table public.u (id int);");
    const good = planOf([step("create table public.u", ["CREATE TABLE public.u (id int);"], { reverse: { class: "reversible", sql: ["DROP TABLE public.u;"] } })]);
    const command = (plan: typeof good) => planCommandWith({ load: loadCatalog, prove: provePlan, plan: (_a, _b, o) => ({ ...plan, options: { ...plan.options, ...o } }) });
    const ok = await run(command(good), ["--from", from, "--to", to, "--format", "md"]);
    assert.equal(ok.code, 2, ok.stderr);
    assert.match(ok.stdout, /\| proof \| passed \|/);
    assert.match(ok.stderr, /1 steps; hazards: none; proven/);

    const bad = planOf([step("create table public.u", ["CREATE TABLE public.u (id int REFERENCES public.nope);"])]);
    const failed = await run(command(bad), ["--from", from, "--to", to, "-q"]);
    assert.equal(failed.code, 1);
    assert.equal(failed.stdout, "");
    assert.match(failed.stderr, /error: the plan failed its proof \(up\) at step 1 \(create table public\.u\)/);
    assert.match(failed.stderr, /ERROR 42P01: relation "public\.nope" does not exist/);
  });
});

describe("pg-schema plan with the planner", () => {
  it("exits 3 on a real plan that drops a column (the plan is printed), 2 once data loss is allowed", async () => {
    const from = file("drop-from.sql", "create table public.t (id int, a text);");
    const to = file("drop-to.sql", "create table public.t (id int);");
    const r = await cli("plan", "-q", "--from", from, "--to", to);
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stdout, /^ALTER TABLE public\.t DROP COLUMN a;$/m);
    assert.match(r.stdout, /-- hazard: data-loss: /);
    assert.match(r.stderr, /--allow-data-loss/);
    const allowed = await cli("plan", "-q", "--no-verify", "--allow-data-loss", "--json", "--from", from, "--to", to);
    assert.equal(allowed.code, 2, allowed.stderr);
    assert.equal(JSON.parse(allowed.stdout).summary.dataLoss, true);
  });
});

describe("pg-schema plan exit codes and formats (injected plan)", () => {
  const dropColumn = step("drop column public.t.a", ["ALTER TABLE public.t DROP COLUMN a;"], { hazards: [hazard("data-loss", "drops public.t.a")] });
  const fake = (steps = [dropColumn], seen: PlanOptions[] = []): PlanCommandDeps => ({
    load: async () => ({}) as never,
    plan: (_from, _to, options) => (seen.push(options ?? {}), planOf(steps, options)),
    prove: async () => ({ ok: true, checks: [{ name: "up", ok: true }] }),
  });

  it("exits 3 on a data-loss step (plan still printed), 2 with --allow-data-loss", async () => {
    const unsafe = await run(planCommandWith(fake()), ["--from", "a", "--to", "b"]);
    assert.equal(unsafe.code, 3);
    assert.match(unsafe.stdout, /-- hazard: data-loss: drops public\.t\.a/);
    assert.match(unsafe.stderr, /step\(s\) 1 lose data .* --allow-data-loss/);
    assert.equal((await run(planCommandWith(fake()), ["--from", "a", "--to", "b", "--allow-data-loss"])).code, 2);
  });

  it("passes options and renames to the planner, skips the proof with --no-verify, writes -o files", async () => {
    const seen: PlanOptions[] = [];
    const renames = file("renames.json", '["table:old=new"]');
    const deps = { ...fake([step("x", ["SELECT 1;"])], seen), prove: async () => assert.fail("--no-verify must not prove") };
    const r = await run(planCommandWith(deps), ["--from", "a", "--to", "b", "--no-verify", "--no-online", "--no-owners", "--no-privileges",
      "--lock-timeout", "2s", "--statement-timeout", "30s", "--long-statement-timeout", "1h", "--renames", renames,
      "--rename", "column:t.a=b", "--json", "-o", "plan.json", "-q"]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, "");
    assert.equal(JSON.parse(r.files.get("plan.json")!).steps.length, 1);
    assert.deepEqual(seen[0], {
      online: false, owners: false, privileges: false, lockTimeout: "2s", statementTimeout: "30s", longStatementTimeout: "1h",
      renames: [{ kind: "table", from: "public.old", to: "new" }, { kind: "column", from: "public.t.a", to: "b" }],
    });
  });

  it("--down prints the DOWN script; a failed proof exits 1 with a hint for setup failures", async () => {
    const reversible = step("create table public.u", ["CREATE TABLE public.u ();"], { reverse: { class: "reversible", sql: ["DROP TABLE public.u;"] } });
    const down = await run(planCommandWith(fake([reversible])), ["--from", "a", "--to", "b", "--down", "-q"]);
    assert.match(down.stdout, /-- undo step 1: create table public\.u\n.*\n.*\nDROP TABLE public\.u;/);
    const setup = { ...fake(), prove: async () => ({ ok: false, checks: [], failure: { phase: "setup", why: "the DDL of from does not load" } as const }) };
    const failed = await run(planCommandWith(setup), ["--from", "a", "--to", "b", "-q"]);
    assert.equal(failed.code, 1);
    assert.equal(failed.stdout, "");
    assert.match(failed.stderr, /failed its proof \(setup\)\n {2}the DDL of from does not load\nhint: --shadow/);
  });
});

async function run(command: ReturnType<typeof planCommandWith>, argv: string[]) {
  let stdout = "";
  let stderr = "";
  const files = new Map<string, string>();
  const code = await command(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), writeFile: (p, t) => files.set(p, t) });
  return { code, stdout, stderr, files };
}
