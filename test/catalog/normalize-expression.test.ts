import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { normalizeExpression } from "../../src/catalog/normalize-expression.js";
import { stripSetOperationAliases } from "../../src/catalog/normalize-query.js";
import { loadParser } from "../../src/sql/parser.js";
import type { Database } from "../../src/db/queryable.js";
import { PgliteScratch } from "../helpers/pglite.js";
import { scratchDatabase, serverUnavailable } from "../helpers/server.js";

const CASES = [
  "v in ('a', 'b')",
  "v not in ('x', 'y')",
  "v in ('a', null)",
  "v in ('it''s', 'b')",
  "n in (1, 2.5)",
  "b in (1, 2)",
  "c in ('ab', 'cd')",
  "v::varchar(5) in ('a', 'b')",
  "coalesce(v, '') in ('a', 'b') and v in ('c')",
  "t in ('x', 'y')",
];

/** What the engine prints for each case, then again after reloading that text: the normalized form must be the second. */
async function checkOn(db: Database): Promise<void> {
  await db.exec("create table nt (v varchar(10), n numeric, b bigint, c char(3), t text)");
  for (const [i, expr] of CASES.entries()) {
    await db.exec(`create view nv${i} as select ${expr} as x from nt`);
    const [first] = await db.query<{ d: string }>(`select pg_get_viewdef('nv${i}'::regclass) as d`);
    await db.exec(`create view nw${i} as ${first!.d}`);
    const [second] = await db.query<{ d: string }>(`select pg_get_viewdef('nw${i}'::regclass) as d`);
    assert.equal(normalizeExpression(first!.d), second!.d, expr);
    assert.equal(normalizeExpression(second!.d), second!.d, `${expr} (fixed point)`);
  }
}

const SET_OPERATIONS = [
  "select a, b from nt2 union all select a, null from nt2",
  "select a from nt2 union select a + 1 as x from nt2 except select 3",
  "select a as first from nt2 union all (select 1 as one intersect select 2 as two)",
  "select * from (select a from nt2 union all select null::int as n from nt2) q",
  "select 'x, y' as s union all select 'z' as \"Odd, name\"",
];

/** Set-operation branches: the view text before and after a reload must normalize to the same text, which loads. */
async function checkSetOperationsOn(db: Database): Promise<void> {
  const parser = await loadParser();
  await db.exec("create table nt2 (a int, b int)");
  for (const [i, query] of SET_OPERATIONS.entries()) {
    await db.exec(`create view so${i} as ${query}`);
    const [first] = await db.query<{ d: string }>(`select pg_get_viewdef('so${i}'::regclass) as d`);
    await db.exec(`create view sp${i} as ${first!.d}`);
    const [second] = await db.query<{ d: string }>(`select pg_get_viewdef('sp${i}'::regclass) as d`);
    const normalized = stripSetOperationAliases(first!.d, parser);
    assert.equal(stripSetOperationAliases(second!.d, parser), normalized, query);
    await db.exec(`create view sq${i} as ${normalized}`);
    const [third] = await db.query<{ d: string }>(`select pg_get_viewdef('sq${i}'::regclass) as d`);
    assert.equal(stripSetOperationAliases(third!.d, parser), normalized, `${query} (reloaded normalized text)`);
  }
}

describe("normalizeExpression", () => {
  it("leaves text without the pattern, and quoted look-alikes, unchanged", () => {
    for (const text of ["a = ANY (ARRAY[1, 2])", "'(ARRAY[''a''])::text[]'", '"(ARRAY[x])::text[]"', "x = 1"]) {
      assert.equal(normalizeExpression(text), text);
    }
  });

  it("pushes the cast of an ARRAY[] constructor into its elements", () => {
    assert.equal(
      normalizeExpression("((v)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))"),
      "((v)::text = ANY (ARRAY[('a'::character varying)::text, ('b'::character varying)::text]))",
    );
  });

  const scratch = new PgliteScratch();
  after(() => scratch.close());
  it("matches what PGlite prints after reloading", async () => checkOn(await scratch.acquire()));
  it("makes set-operation views reload to the same text on PGlite", async () => checkSetOperationsOn(await scratch.acquire()));

  it("matches what the server prints after reloading", async (t) => {
    const unavailable = await serverUnavailable();
    if (unavailable) return t.skip(unavailable);
    const db = await scratchDatabase();
    try {
      await checkOn(db.db);
      await checkSetOperationsOn(db.db);
    } finally {
      await db.drop();
    }
  });
});
