import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, describe, it } from "node:test";
import type { Database } from "../../src/db/queryable.js";
import { activeRules } from "../../src/lint/config.js";
import type { Finding } from "../../src/lint/finding.js";
import { lintCatalog } from "../../src/lint/lint.js";
import type { Rule } from "../../src/lint/rule.js";
import { RULE_LIST } from "../../src/lint/rules/index.js";
import { applySql } from "../../src/sources/apply-sql.js";
import { readLiveDatabase } from "../../src/sources/live.js";
import { PgliteScratch } from "../helpers/pglite.js";
import { scratchDatabase, SERVER_URL, serverUnavailable } from "../helpers/server.js";
import { openPostgresJs } from "../../src/db/postgres-js.js";
import type { LiveCase, RuleCases } from "./cases/case-types.js";

/**
 * The live rules' cases, on PGlite (PostgreSQL 18) and on the server: each case's SQL runs on a new database, the
 * statistics are flushed and read with the schema (as `pg-schema lint <url>` reads them), the rule runs; each fix
 * runs on the same database, and the rule, run again on fresh statistics, is quiet.
 */
const LIVE = RULE_LIST.filter((r) => r.live);
const scratch = new PgliteScratch();
after(() => scratch.close());

/** Makes this session's pending counters visible to the next transaction (PostgreSQL 15+ flushes when idle). */
const flush = async (db: Database): Promise<void> => {
  await db.query("select pg_catalog.pg_stat_force_next_flush()");
};

async function lintLive(db: Database, rule: Rule, c: LiveCase): Promise<Finding[]> {
  await flush(db);
  const { catalog, stats } = await readLiveDatabase(db);
  const config = { rules: { [rule.id]: [rule.severity, { ...c.options }] as const } };
  return lintCatalog(catalog, { rules: activeRules([rule], config), pgVersion: stats.versionNum }, stats).filter((f) => f.rule === rule.id);
}

/** Runs the case, lints; for an invalid case applies each fix and lints again. Returns the first lint's findings. */
async function runCase(db: Database, rule: Rule, c: LiveCase, applyFixes: boolean): Promise<Finding[]> {
  await db.session((s) => applySql(s, [{ name: "case.sql", text: c.sql }]));
  if (c.failing) await assert.rejects(db.session((s) => applySql(s, [{ name: "failing.sql", text: c.failing! }])), `expected to fail: ${c.failing}`);
  const found = await lintLive(db, rule, c);
  if (applyFixes) {
    const fixes = found.filter((f) => f.fix);
    for (const f of fixes) await db.session((s) => applySql(s, [{ name: "fix.sql", text: f.fix!.sql }]));
    if (fixes.length > 0) assert.deepEqual((await lintLive(db, rule, c)).map((f) => f.message), [], `fixes of ${rule.id} leave findings`);
  }
  return found;
}

/**
 * Roles are cluster-wide on the server: the cases name theirs live_case_*, renamed live_case_<run>_* there (another
 * run may be using the server) and dropped after each case.
 */
const RUN = randomBytes(3).toString("hex");
const renameRoles = (text: string): string => text.replace(/\blive_case_/g, `live_case_${RUN}_`);
const serverRoles = (c: LiveCase): LiveCase => ({
  ...c,
  sql: renameRoles(c.sql),
  ...(c.options ? { options: JSON.parse(renameRoles(JSON.stringify(c.options))) as Record<string, unknown> } : {}),
});

async function dropCaseRoles(db: Database): Promise<void> {
  const roles = await db.query<{ r: string }>(`select rolname as r from pg_roles where rolname like 'live\\_case\\_${RUN}\\_%'`);
  for (const { r } of roles) await db.exec(`drop owned by "${r}" cascade; drop role "${r}"`);
}

type Engine = {
  name: "PGlite" | "server";
  /** The case as this engine runs it. */
  prepare: (c: LiveCase) => LiveCase;
  run: (c: LiveCase, fn: (db: Database) => Promise<void>) => Promise<void>;
};

const pglite: Engine = {
  name: "PGlite",
  prepare: (c) => c,
  run: async (_c, fn) => fn(await scratch.acquire()),
};

const server: Engine = {
  name: "server",
  prepare: serverRoles,
  run: async (c, fn) => {
    const s = await scratchDatabase("pgs_live", c.createDatabase ?? "");
    try {
      await fn(s.db);
    } finally {
      await s.drop();
      const admin = await openPostgresJs(SERVER_URL, { max: 1 });
      try {
        await dropCaseRoles(admin);
      } finally {
        await admin.close();
      }
    }
  },
};

const unavailable = await serverUnavailable();

const CASES = new Map(
  await Promise.all(LIVE.map(async (rule) => [rule.id, ((await import(new URL(`./cases/${rule.id}.ts`, import.meta.url).href)) as { default: RuleCases }).default.live] as const)),
);

describe("live lint rules: every one has live cases (valid and invalid)", () => {
  for (const rule of LIVE) {
    it(rule.id, () => {
      const cases = CASES.get(rule.id);
      assert.ok(cases && cases.valid.length > 0 && cases.invalid.length > 0, `test/lint/cases/${rule.id}.ts needs live.valid and live.invalid`);
    });
  }
});

// The engines run one after the other: PGlite works on this process's event loop, and while it starts (seconds of
// WebAssembly) a server connection opened beside it times out.
describe("live lint rules: valid / invalid cases, fixes applied and linted again", () => {
  for (const engine of [pglite, server]) {
    describe(engine.name, () => {
      const skipFor = (c: LiveCase): string | undefined =>
        engine.name === "server" ? unavailable : c.serverOnly ? `server only: ${c.serverOnly}` : c.createDatabase ? "server only: CREATE DATABASE options" : undefined;
      for (const rule of LIVE) {
        const cases = CASES.get(rule.id);
        if (!cases) continue;
        describe(rule.id, () => {
          for (const [i, given] of cases.valid.entries()) {
            const c = engine.prepare(given);
            it(`valid ${i + 1}`, { skip: skipFor(c) ?? false }, () =>
              engine.run(c, async (db) => assert.deepEqual((await runCase(db, rule, c, false)).map((f) => f.message), [])),
            );
          }
          for (const [i, given] of cases.invalid.entries()) {
            const c = { ...engine.prepare(given), findings: given.findings };
            it(`invalid ${i + 1}`, { skip: skipFor(c) ?? false }, () =>
              engine.run(c, async (db) => {
                const found = await runCase(db, rule, c, true);
                if (c.findings === undefined) assert.ok(found.length > 0, `${rule.id} should flag:\n${c.sql}`);
                else assert.equal(found.length, c.findings, `${rule.id} findings on:\n${c.sql}\n${found.map((f) => f.message).join("\n")}`);
              }),
            );
          }
        });
      }
    });
  }
});
