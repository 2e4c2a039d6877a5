import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { after, describe, it } from "node:test";
import type { Database } from "../../src/db/queryable.js";
import { RULES } from "../../src/lint/rules/index.js";
import { applySql } from "../../src/sources/apply-sql.js";
import { PgliteScratch } from "../helpers/pglite.js";
import type { RuleCases } from "./cases/case-types.js";
import { lintLoaded, lintText } from "./lint-harness.js";

const scratch = new PgliteScratch();
after(() => scratch.close());

/**
 * The database schema cases run on, in rolled-back transactions (so it stays clean between them); a statement fix
 * runs outside a transaction and is wiped afterwards.
 */
let current: Promise<Database> | undefined;
const db = (): Promise<Database> => (current ??= scratch.acquire());
const wipe = (): Promise<Database> => (current = scratch.acquire());

describe("lint rules: valid / invalid tables, fixes applied on PGlite and linted again", () => {
  for (const [id, rule] of Object.entries(RULES)) {
    describe(id, async () => {
      const file = new URL(`./cases/${id}.ts`, import.meta.url);
      it("has a case table (test/lint/cases/<id>.ts)", () => assert.ok(existsSync(file), `missing ${file.pathname}`));
      if (!existsSync(file)) return;
      const cases = ((await import(file.href)) as { default: RuleCases }).default;
      const setup = cases.setup ? `${cases.setup}\n` : "";

      for (const [i, sql] of cases.valid.entries()) {
        it(`valid ${i + 1}`, async () => {
          if (rule.statement || rule.end) assert.deepEqual((await lintText(rule, sql)).map((f) => f.message), []);
          if (rule.schema) assert.deepEqual((await lintLoaded(await db(), rule, setup + sql)).map((f) => f.message), []);
        });
      }
      for (const [i, c] of cases.invalid.entries()) {
        it(`invalid ${i + 1}`, async () => {
          let total = 0;
          if (rule.statement || rule.end) {
            const found = await lintText(rule, c.sql);
            total += found.length;
            for (const f of found.filter((x) => x.fix)) {
              // The rewritten statement runs on an engine (after the setup) and is clean.
              assert.deepEqual((await lintText(rule, f.fix!.sql)).map((x) => x.message), [], `fix of ${id} still flagged:\n${f.fix!.sql}`);
              const d = await wipe();
              try {
                await d.session((s) => applySql(s, [{ name: "setup+fix.sql", text: `${setup}${f.fix!.sql}` }]));
              } finally {
                await wipe();
              }
            }
          }
          if (rule.schema) {
            const found = await lintLoaded(await db(), rule, setup + c.sql, async (findings, relint, exec) => {
              const fixes = findings.filter((f) => f.fix);
              if (fixes.length === 0) return;
              for (const f of fixes) await exec(f.fix!.sql);
              assert.deepEqual((await relint()).map((x) => x.message), [], `fixes of ${id} leave findings`);
            });
            // A rule with both hooks flags the same thing in the migration and, once loaded, in the schema.
            if (rule.statement) assert.ok(found.length > 0, `${id}'s schema check should flag the loaded case too:\n${c.sql}`);
            else total += found.length;
          }
          if (c.findings === undefined) assert.ok(total > 0, `${id} should flag:\n${c.sql}`);
          else assert.equal(total, c.findings, `${id} findings on:\n${c.sql}`);
        });
      }
    });
  }
});
