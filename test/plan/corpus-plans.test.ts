import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { introspect } from "../../src/catalog/introspect.js";
import type { Catalog } from "../../src/catalog/model.js";
import type { Database } from "../../src/db/queryable.js";
import { catalogRoles } from "../../src/plan/catalog-roles.js";
import { isEmptyPlan } from "../../src/plan/plan-types.js";
import { applySql } from "../../src/sources/apply-sql.js";
import { ident } from "../../src/sql/ident.js";
import { CORPUS_MISSING, corpusNames, corpusSql, NEEDS_POSTGIS } from "../helpers/corpus.js";
import { catalogDifferences } from "../helpers/plan-catalog-diff.js";
import { checkConvergence, formatProblems, type Problem, tryPlan } from "../helpers/plan-convergence.js";
import { PgliteScratch } from "../helpers/pglite.js";

/**
 * The planner on schemas written by other people, on PGlite (the two that need PostGIS are skipped): the identity
 * plan between two loads of the same schema is empty, and the plans from an empty database to the schema and from
 * the schema to an empty database converge (UP, re-plan, verifications, DOWN) like the fixture cases do.
 */
const first = new PgliteScratch();
const second = new PgliteScratch();
after(async () => {
  await first.close();
  await second.close();
});

async function load(db: Database, name: string): Promise<Catalog> {
  await db.session((s) => applySql(s, [corpusSql(name)]));
  return introspect(db);
}

/** Roles live outside the database: the empty side needs the ones the schema names before UP can grant to them. */
async function createRoles(db: Database, catalog: Catalog): Promise<void> {
  const existing = new Set((await db.query<{ rolname: string }>("select rolname from pg_catalog.pg_roles")).map((r) => r.rolname));
  for (const role of catalogRoles(catalog)) if (!existing.has(role)) await db.exec(`CREATE ROLE ${ident(role)} NOLOGIN;`);
}

const fail = (problems: readonly Problem[]): void => {
  if (problems.length > 0) assert.fail(formatProblems(problems));
};

describe("corpus plans on PGlite (PostgreSQL 18)", () => {
  for (const name of corpusNames()) {
    const skip = CORPUS_MISSING ?? (NEEDS_POSTGIS.has(name) ? "needs PostGIS, which PGlite does not ship" : false);

    it(`${name}: the identity plan between two loads is empty`, { skip, timeout: 300_000 }, async () => {
      const a = await load(await first.acquire(), name);
      const b = await load(await second.acquire(), name);
      const problems: Problem[] = [];
      const plan = tryPlan(a, b, {}, problems);
      if (plan && !isEmptyPlan(plan)) {
        const steps = plan.steps.filter((s) => s.sql.length > 0);
        const shown = steps.slice(0, 8).map((s) => `  ${s.why}: ${s.sql.join(" ").slice(0, 160)}`);
        const diffs = catalogDifferences(a, b, 5).map((d) => `  ${d}`);
        problems.push({
          category: "replan",
          message: `${steps.length} steps between two loads of the same schema:\n${shown.join("\n")}${diffs.length ? `\n  the two catalogs differ at:\n${diffs.join("\n")}` : ""}`,
        });
      }
      fail(problems);
    });

    it(`${name}: schema → empty converges`, { skip, timeout: 300_000 }, async () => {
      const empty = await introspect(await second.acquire());
      const db = await first.acquire();
      const schema = await load(db, name);
      const problems: Problem[] = [];
      const plan = tryPlan(schema, empty, {}, problems);
      if (plan) problems.push(...(await checkConvergence({ db, from: schema, to: empty, plan, options: {}, label: "schema → empty" })));
      fail(problems);
    });

    it(`${name}: empty → schema converges`, { skip, timeout: 300_000 }, async () => {
      const schema = await load(await first.acquire(), name);
      const db = await second.acquire();
      await createRoles(db, schema);
      const empty = await introspect(db);
      const problems: Problem[] = [];
      const plan = tryPlan(empty, schema, {}, problems);
      if (plan) problems.push(...(await checkConvergence({ db, from: empty, to: schema, plan, options: {}, label: "empty → schema" })));
      fail(problems);
    });
  }
});
