import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { introspect } from "../../src/catalog/introspect.js";
import type { Catalog } from "../../src/catalog/model.js";
import { isEmptyPlan } from "../../src/plan/plan-types.js";
import { planMigration } from "../../src/plan/plan.js";
import { applySql } from "../../src/sources/apply-sql.js";
import { CORPUS_MISSING, corpusNames, corpusSql } from "../helpers/corpus.js";
import { catalogDifferences } from "../helpers/plan-catalog-diff.js";
import { scratchDatabase, serverUnavailable } from "../helpers/server.js";

/**
 * The identity plan on the server (PostgreSQL 15), for all ten corpus schemas, the two PostGIS ones included: two
 * databases loaded from the same script must plan to nothing.
 */
async function loaded(name: string): Promise<{ catalog: Catalog; drop: () => Promise<void> }> {
  const scratch = await scratchDatabase("pgs_identity");
  try {
    await scratch.db.session((s) => applySql(s, [corpusSql(name)]));
    return { catalog: await introspect(scratch.db), drop: () => scratch.drop() };
  } catch (error) {
    await scratch.drop();
    throw error;
  }
}

describe("corpus identity plans on the server (PostgreSQL 15)", async () => {
  const unavailable = await serverUnavailable();
  for (const name of corpusNames()) {
    it(`${name}: the identity plan between two loads is empty`, { skip: CORPUS_MISSING ?? unavailable ?? false, timeout: 300_000 }, async () => {
      const a = await loaded(name);
      try {
        const b = await loaded(name);
        try {
          const plan = planMigration(a.catalog, b.catalog);
          const steps = plan.steps.filter((s) => s.sql.length > 0);
          if (!isEmptyPlan(plan)) {
            const shown = steps.slice(0, 8).map((s) => `  ${s.why}: ${s.sql.join(" ").slice(0, 160)}`);
            assert.fail(`${steps.length} steps between two loads of ${name}:\n${shown.join("\n")}\n${catalogDifferences(a.catalog, b.catalog, 5).join("\n")}`);
          }
        } finally {
          await b.drop();
        }
      } finally {
        await a.drop();
      }
    });
  }
});
