import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { introspect } from "../../src/catalog/introspect.js";
import type { Catalog, Routine } from "../../src/catalog/model.js";
import { readContext } from "../../src/catalog/read/context.js";
import { readRoutines } from "../../src/catalog/read/routines.js";
import { catalogToSql } from "../../src/sql/ddl.js";
import { grantSignature } from "../../src/sql/ddl/routine-create.js";
import type { PgliteDatabase } from "../../src/db/pglite.js";
import { PgliteScratch } from "../helpers/pglite.js";

const SQL = `
create schema r;
create type r.mood as enum ('sad', 'happy');
create function r.opts(a int, inout "json" json, out doubled int, variadic rest int[] default '{}')
  language sql stable strict security definer leakproof parallel safe cost 7
  set search_path = r, "$user" set work_mem = '1MB'
  as $$ select "json", a * 2 $$;
create function r.series(n int default 3) returns table ("Value" int, m r.mood) language sql rows 12
  as $$ select g, 'sad'::r.mood from generate_series(1, n) g $$;
create function r.add(a int, b int) returns int language sql immutable return a + b;
create procedure r.proc(a int, out b int) language plpgsql as $$ begin b := a; end $$;
create function r._step(text, text) returns text language sql immutable as 'select $1 || $2';
create aggregate r.cat(text) (sfunc = r._step, stype = text, initcond = '', finalfunc_modify = shareable,
  finalfunc = upper, parallel = safe);
create aggregate r.pct(float8 order by anyelement) (
  sfunc = ordered_set_transition, stype = internal, finalfunc = percentile_disc_final, finalfunc_extra);
create aggregate r.hyp(variadic "any" order by variadic "any") (
  sfunc = ordered_set_transition_multi, stype = internal, finalfunc = rank_final, finalfunc_extra, hypothetical);
create aggregate r.maxi(int4) (sfunc = int4larger, stype = int4, sortop = >);
create function r.win() returns bigint language internal window immutable as 'window_rank';
revoke execute on function r.add(int, int) from public;
comment on function r.add(int, int) is 'adds';
`;

describe("routines in the model", () => {
  const scratch = new PgliteScratch();
  let db: PgliteDatabase;
  let catalog: Catalog;
  before(async () => {
    db = await scratch.acquire();
    await db.exec(SQL);
    catalog = await introspect(db);
  });
  after(() => scratch.close());

  const routine = (name: string): Routine => {
    const found = catalog.routines.find((r) => r.name === name);
    assert.ok(found, `routine ${name}`);
    return found;
  };

  it("prints every pg_catalog signature exactly as PostgreSQL 18 does", async () => {
    // The reader prints signatures itself (so quoting does not follow the server's keyword list); on PostgreSQL 18
    // its keyword list is ours, so the texts must agree for every built-in function, aggregate and procedure.
    const { mine, theirs } = await db.transaction(async (tx) => {
      await tx.query("select pg_catalog.set_config('search_path', '', true)");
      const version = Number((await tx.query<{ v: number }>("select current_setting('server_version_num')::int4 as v"))[0]!.v);
      const mine = await readRoutines(readContext(tx, version, ["pg_catalog"]));
      const theirs = await tx.query<{ name: string; identity: string; args: string; result: string | null }>(
        `select proname as name, pg_get_function_identity_arguments(oid) as identity,
                pg_get_function_arguments(oid) as args, pg_get_function_result(oid) as result
         from pg_proc where pronamespace = 'pg_catalog'::regnamespace`,
      );
      return { mine, theirs };
    });
    const byKey = new Map(theirs.map((t) => [`${t.name}(${t.identity})`, t]));
    assert.ok(mine.length > 2500, `read ${mine.length} pg_catalog routines`);
    for (const r of mine) {
      const pg = byKey.get(`${r.name}(${r.identityArguments})`);
      assert.ok(pg, `PostgreSQL has no ${r.name}(${r.identityArguments})`);
      assert.equal(r.arguments, pg.args, `arguments of ${r.name}`);
      assert.equal(r.returns ?? null, pg.result, `result of ${r.name}`);
    }
    assert.ok(mine.some((r) => r.identityArguments === 'VARIADIC "any" ORDER BY VARIADIC "any"'), "variadic ordered-set");
    assert.ok(mine.some((r) => r.arguments.includes(" DEFAULT ")), "defaults");
    assert.ok(mine.some((r) => r.arguments.includes("OUT ")), "OUT arguments");
  });

  it("reads a function's options, modes, defaults and settings, quoting a parameter named json", () => {
    const r = routine("opts");
    const { definition, ...fields } = r;
    assert.deepEqual(fields, {
      schema: "r",
      name: "opts",
      kind: "function",
      owner: "postgres",
      identityArguments: 'a integer, INOUT "json" json, OUT doubled integer, VARIADIC rest integer[]',
      arguments: `a integer, INOUT "json" json, OUT doubled integer, VARIADIC rest integer[] DEFAULT '{}'::integer[]`,
      returns: "record",
      language: "sql",
      volatility: "stable",
      strict: true,
      securityDefiner: true,
      leakproof: true,
      parallel: "safe",
      cost: 7,
      config: ['search_path=r, "$user"', "work_mem=1MB"],
      body: ' select "json", a * 2 ',
    });
    assert.equal(
      definition,
      `CREATE FUNCTION r.opts(a integer, INOUT "json" json, OUT doubled integer, VARIADIC rest integer[] DEFAULT '{}'::integer[])\n` +
        " RETURNS record\n LANGUAGE sql\n STABLE LEAKPROOF STRICT SECURITY DEFINER PARALLEL SAFE\n COST 7\n" +
        " SET search_path TO 'r', '$user'\n SET work_mem TO '1MB'\n" +
        'AS $$ select "json", a * 2 $$;',
    );
  });

  it("reads TABLE results, ROWS, SQL-standard bodies, procedures and window functions", () => {
    assert.equal(routine("series").returns, 'TABLE("Value" integer, m r.mood)');
    assert.equal(routine("series").arguments, "n integer DEFAULT 3");
    assert.equal(routine("series").rows, 12);
    assert.equal(routine("add").body, "RETURN (a + b)");
    assert.equal(routine("add").sqlStandardBody, true);
    assert.deepEqual(routine("add").acl, [{ grantee: "postgres", privilege: "EXECUTE", grantable: false }]);
    assert.equal(routine("add").comment, "adds");
    const proc = routine("proc");
    assert.equal(proc.kind, "procedure");
    assert.equal(proc.identityArguments, "IN a integer, OUT b integer");
    assert.equal(proc.returns, undefined);
    assert.equal(routine("win").kind, "window");
    assert.equal(routine("win").cost, 1);
  });

  it("reads aggregates from pg_aggregate, leaving defaults out", () => {
    assert.deepEqual(routine("cat").aggregate, {
      kind: "normal",
      stateFunction: "r._step",
      stateType: "text",
      finalFunction: "pg_catalog.upper",
      finalModify: "shareable",
      initialValue: "",
    });
    assert.equal(
      routine("cat").definition,
      "CREATE AGGREGATE r.cat(text) (\n    SFUNC = r._step,\n    STYPE = text,\n    FINALFUNC = pg_catalog.upper,\n" +
        "    FINALFUNC_MODIFY = SHAREABLE,\n    INITCOND = '',\n    PARALLEL = SAFE\n);",
    );
    assert.deepEqual(routine("pct").aggregate, {
      kind: "ordered-set",
      stateFunction: "pg_catalog.ordered_set_transition",
      stateType: "internal",
      finalFunction: "pg_catalog.percentile_disc_final",
      finalExtra: true,
      directArgumentCount: 1,
    });
    assert.equal(routine("pct").identityArguments, "double precision ORDER BY anyelement");
    assert.equal(routine("hyp").aggregate?.kind, "hypothetical-set");
    assert.equal(routine("hyp").identityArguments, 'VARIADIC "any" ORDER BY VARIADIC "any"');
    assert.equal(routine("maxi").aggregate?.sortOperator, "pg_catalog.>");
  });

  it("grants on an ordered-set aggregate by its flat argument list", () => {
    assert.equal(grantSignature(routine("pct")), "r.pct(double precision, anyelement)");
    assert.equal(grantSignature(routine("hyp")), 'r.hyp(VARIADIC "any")');
    assert.equal(grantSignature(routine("cat")), "r.cat(text)");
  });

  it("writes functions whose string bodies are not checked on creation, and aggregates after their functions", () => {
    const ddl = catalogToSql(catalog);
    assert.match(ddl, /SET check_function_bodies = false;\n\nCREATE FUNCTION r\.series/);
    assert.ok(ddl.indexOf("CREATE FUNCTION r._step") < ddl.indexOf("CREATE AGGREGATE r.cat"));
    assert.ok(ddl.includes("REVOKE ALL ON FUNCTION r.add(a integer, b integer) FROM PUBLIC;"));
  });
});
