import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { designFromSpec } from "../../src/design/build-design.js";
import { type DesignRun, runDesign } from "../../src/design/prove-design.js";
import { parseSpec } from "../../src/design/spec/parse-spec.js";
import { designToHtml } from "../../src/report/design-html.js";
import { designToJson } from "../../src/report/design-json.js";
import { designToMarkdown } from "../../src/report/design-markdown.js";
import { downSql, upSql, verifySql } from "../../src/report/design-sections.js";
import { erMermaid } from "../../src/report/er-mermaid.js";
import { applySql } from "../../src/sources/apply-sql.js";
import { Chromium, chromiumSkipReason } from "../helpers/chromium.js";
import { scratchDatabase, SERVER_URL, serverUnavailable } from "../helpers/server.js";

const EXAMPLES = ["shop", "saas", "iot", "booking", "social"] as const;
const TODAY = new Date("2026-11-25T00:00:00Z");
const ARTIFACTS = new URL("../../test-artifacts/", import.meta.url).pathname;

function load(name: string) {
  const file = new URL(`../../examples/${name}.yaml`, import.meta.url).pathname;
  return designFromSpec(parseSpec(readFileSync(file, "utf8"), `examples/${name}.yaml`), { today: TODAY });
}

/** Every part of the proof held, and the proof covered every pattern, every constraint it can break, RLS. */
function assertProven(run: DesignRun): void {
  const failed = [...run.proof.checks.filter((c) => !c.ok).map((c) => `${c.kind} ${c.name}: ${c.detail}`), ...(run.proof.plan.ok ? [] : [JSON.stringify(run.proof.plan.failure)])];
  assert.deepEqual(failed, []);
  assert.ok(run.proof.ok);
  const names = new Set(run.proof.checks.map((c) => `${c.kind} ${c.name}`));
  for (const p of run.design.patterns) assert.ok(names.has(`index-use pattern ${p.pattern}`), `pattern ${p.pattern} checked`);
  for (const c of run.design.constraints) if (c.violation) assert.ok(names.has(`rejects ${c.kind} ${c.name}`), `${c.name} exercised`);
  for (const kind of ["check", "unique", "foreign-key"] as const) {
    if (run.design.constraints.some((c) => c.kind === kind)) assert.ok(run.proof.checks.some((c) => c.kind === "rejects" && c.name.startsWith(kind)), `a ${kind} rejection`);
  }
  if (run.design.tenancy) assert.ok(run.proof.checks.some((c) => c.kind === "rls" && c.ok), "RLS isolation checked");
  for (const phase of ["up", "converge", "replan", "verify", "down", "restore"]) assert.ok(run.proof.plan.checks.some((c) => c.name === phase && c.ok), `migration ${phase}`);
  assert.ok(run.proof.plan.checks.some((c) => c.name === "verify" && c.detail?.includes("design verification queries pass after UP")));
}

describe("the five examples: proven reports on PGlite, in md, json, sql and html", () => {
  const chromium = new Chromium();
  const skip = chromiumSkipReason();
  before(async () => {
    if (!skip) await chromium.launch();
  });
  after(() => chromium.close());

  for (const name of EXAMPLES) {
    it(name, async (t) => {
      const run = await runDesign(load(name));
      assertProven(run);

      const md = designToMarkdown(run, { mermaid: erMermaid(run.catalog) });
      for (const title of ["1. Schema (DDL)", "2. Migration", "3. Index recommendations", "4. Constraints", "5. Breaking changes", "6. Verification queries", "Decisions", "Proof"]) {
        assert.ok(md.includes(`## ${title}`), `md has ${title}`);
      }
      assert.ok(md.includes("```mermaid"));

      const json = JSON.parse(designToJson(run)) as Record<string, unknown>;
      for (const key of ["ddl", "migration", "indexes", "constraints", "breaking", "verification", "decisions", "proof"]) assert.ok(key in json, `json has ${key}`);
      assert.equal((json.proof as { ok: boolean }).ok, true);
      assert.equal(designToJson(run), designToJson(run), "byte-stable");

      const html = await designToHtml(run);
      assert.doesNotMatch(html, /(src|href)="https?:/);
      mkdirSync(ARTIFACTS, { recursive: true });
      const file = `${ARTIFACTS}design-${name}.html`;
      writeFileSync(file, html);
      if (skip) {
        t.diagnostic(skip);
        return;
      }
      const page = await chromium.open(file, { screenshot: `${ARTIFACTS}design-${name}.png`, viewport: { width: 1400, height: 1000 } });
      try {
        assert.deepEqual(page.consoleErrors, []);
        assert.deepEqual(page.pageErrors, []);
        assert.deepEqual(page.failedRequests, []);
        const titles = await page.page.$$eval("svg g.node title", (nodes) => nodes.map((n) => n.textContent ?? ""));
        const shown = new Set(titles.map((x) => x.replace(/^public\./, "")));
        const parents = run.catalog.tables.filter((x) => !x.partitionOf).map((x) => x.name);
        assert.deepEqual(parents.filter((x) => !shown.has(x)), [], "every table is in the diagram");
      } finally {
        await page.page.close();
      }
    });
  }
});

describe("the five examples on the PostgreSQL server: proven, and the emitted up.sql, verify.sql and down.sql run as printed", async () => {
  const unavailable = await serverUnavailable();
  for (const name of EXAMPLES) {
    it(name, { skip: unavailable }, async () => {
      const run = await runDesign(load(name), { shadow: SERVER_URL });
      assertProven(run);
      const scratch = await scratchDatabase("pgs_design");
      try {
        for (const role of run.design.roles) await scratch.db.exec(`DO $$ BEGIN CREATE ROLE ${role} NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;`);
        await scratch.db.session((s) => applySql(s, [{ name: "up.sql", text: upSql(run) }]));
        const checks = await scratch.db.query<{ check: string; pass: boolean }>(verifySql(run).split("\n").filter((l) => l.startsWith("SELECT")).map((l) => l.replace(/;$/, "")).join(" UNION ALL "));
        assert.equal(checks.length, run.design.verifications.length);
        assert.deepEqual(checks.filter((c) => c.pass !== true).map((c) => c.check), []);
        await scratch.db.session((s) => applySql(s, [{ name: "down.sql", text: downSql(run) }]));
        const left = await scratch.db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_catalog.pg_class WHERE relnamespace = 'public'::regnamespace");
        assert.equal(left[0]!.n, 0, "DOWN leaves public empty");
        const again = await scratch.db.session((s) => applySql(s, [{ name: "schema.sql", text: run.ddl }]));
        void again;
      } finally {
        await scratch.drop();
      }
    });
  }
});

describe("a kitchen-sink spec on the server (PostGIS): every rule path with awkward names, proven", async () => {
  const unavailable = await serverUnavailable();
  it("kitchen-sink.yaml", { skip: unavailable }, async (t) => {
    const admin = await scratchDatabase("pgs_postgis");
    const postgis = await admin.db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_catalog.pg_available_extensions WHERE name = 'postgis'");
    await admin.drop();
    if (postgis[0]!.n === 0) {
      t.skip("SKIPPED: PostGIS is not installed on the server (apt-get install postgresql-15-postgis-3)");
      return;
    }
    const file = new URL("../fixtures/design/kitchen-sink.yaml", import.meta.url).pathname;
    const design = designFromSpec(parseSpec(readFileSync(file, "utf8"), "kitchen-sink.yaml"), { today: TODAY });
    const run = await runDesign(design, { shadow: SERVER_URL });
    assertProven(run);
    assert.ok(run.catalog.tables.some((x) => x.schema === "app" && x.name === "user"));
    assert.ok(run.proof.checks.some((c) => c.name === "pattern orders_of_user" && c.detail?.includes("order_user_id_during_excl")));
  });
});
