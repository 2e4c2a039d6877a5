import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { breaking } from "../../src/plan/breaking.js";
import { hazard } from "../../src/plan/hazards.js";
import type { ProofReport } from "../../src/plan/prove.js";
import { planToJson } from "../../src/report/plan-json.js";
import { planToMarkdown } from "../../src/report/plan-markdown.js";
import { proofFailureText } from "../../src/report/proof-text.js";
import { planOf, step } from "../helpers/steps.js";

const plan = planOf([
  step("drop column public.users.email", ["ALTER TABLE public.users DROP COLUMN email;"], {
    change: { action: "drop", object: "column:public.users.email" },
    locks: [{ level: "ACCESS EXCLUSIVE", on: "table:public.users" }],
    hazards: [hazard("data-loss", "drops column public.users.email | and its values")],
    breaking: [breaking("column-removed", "public.users.email is gone")],
    reverse: { class: "lossy", sql: ["ALTER TABLE public.users ADD COLUMN email text;"], lost: "the values of public.users.email" },
    verify: "SELECT NOT EXISTS (SELECT FROM pg_attribute WHERE attrelid = 'public.users'::regclass AND attname = 'email') AS ok;",
  }),
  step("create index public.users_name_idx", ["CREATE INDEX CONCURRENTLY users_name_idx ON public.users (name) WHERE note <> '```';"], {
    transaction: "none",
    long: true,
    hazards: [hazard("index-build", "builds an index")],
    retry: { safe: true, cleanup: ["DROP INDEX CONCURRENTLY IF EXISTS public.users_name_idx;"] },
    reverse: { class: "reversible", sql: ["DROP INDEX CONCURRENTLY public.users_name_idx;"], transaction: "none" },
  }),
  step("drop index implied", [], { impliedBy: "table:public.old" }),
]);

const proof: ProofReport = {
  ok: false,
  checks: [{ name: "setup", ok: true }, { name: "up", ok: false, detail: "boom" }],
  failure: { phase: "up", step: 2, why: "create index public.users_name_idx", statement: "CREATE INDEX …;", error: "ERROR 42703: column \"note\" does not exist" },
};

describe("planToJson", () => {
  it("holds every step with its number, the summary and the proof, byte-stable", () => {
    const text = planToJson(plan, proof);
    assert.equal(text, planToJson(plan, proof));
    const json = JSON.parse(text) as Record<string, any>;
    assert.equal(json.formatVersion, 1);
    assert.deepEqual(json.summary, {
      breaking: 1, dataLoss: true, hazards: { "data-loss": 1, "index-build": 1 }, outsideTransaction: 1,
      reversal: { irreversible: 0, lossy: 1, reversible: 1 }, steps: 3, stepsWithSql: 2,
    });
    assert.deepEqual(json.steps.map((s: { index: number; long: boolean; transaction: string }) => [s.index, s.long, s.transaction]), [[1, false, "shared"], [2, true, "none"], [3, false, "shared"]]);
    assert.equal(json.steps[0].reverse.lost, "the values of public.users.email");
    assert.equal(json.steps[1].retry.cleanup[0], "DROP INDEX CONCURRENTLY IF EXISTS public.users_name_idx;");
    assert.equal(json.steps[2].impliedBy, "table:public.old");
    assert.equal(json.proof.failure.step, 2);
    assert.equal(json.options.lockTimeout, "5s");
    assert.equal(JSON.parse(planToJson(plan)).proof, undefined);
  });
});

describe("planToMarkdown", () => {
  const md = planToMarkdown(plan, proof);

  it("leads with the summary, the hazards by code and the breaking notes", () => {
    assert.ok(md.startsWith("# Migration plan\n\n| | |\n|---|---|\n| steps | 2 (1 outside a transaction) |\n"), md);
    assert.ok(md.includes("| hazards | data-loss 1, index-build 1 |"));
    assert.ok(md.includes("| reversibility | 1 reversible, 1 lossy, 0 irreversible |"));
    assert.ok(md.includes("| data loss | **yes** |"));
    assert.ok(md.includes("| proof | **failed** (up) |"));
    assert.ok(md.includes("## Hazards\n\n| hazard | count | steps |\n|---|---|---|\n| `data-loss` | 1 | 1 |\n| `index-build` | 1 | 2 |"));
    assert.ok(md.includes("## Breaking changes for application code\n\n- step 1: `column-removed`: public.users.email is gone"));
  });

  it("shows each step: SQL, locks, hazards, reversal class, verification; fences no SQL can close", () => {
    assert.ok(md.includes("### Step 1: drop column public.users.email\n\n```sql\nALTER TABLE public.users DROP COLUMN email;\n```"));
    assert.ok(md.includes("- locks: ACCESS EXCLUSIVE on `table:public.users`"));
    assert.ok(md.includes("- hazard `data-loss`: drops column public.users.email | and its values"));
    assert.ok(md.includes("Reversal (**lossy**, loses the values of public.users.email):\n\n```sql\nALTER TABLE public.users ADD COLUMN email text;\n```"));
    assert.ok(md.includes("Verification (returns `ok = true` once done):\n\n```sql\nSELECT NOT EXISTS"));
    assert.ok(md.includes("````sql\nCREATE INDEX CONCURRENTLY users_name_idx ON public.users (name) WHERE note <> '```';\n````"));
    assert.ok(md.includes("- runs outside any transaction; scans or rewrites data (long statement timeout)"));
    assert.ok(md.includes("Cleanup before a retry:\n\n```sql\nDROP INDEX CONCURRENTLY IF EXISTS public.users_name_idx;\n```"));
    assert.ok(md.includes("### Step 3: drop index implied\n\nDone by another step (`table:public.old`); no SQL of its own."));
  });

  it("ends with the proof and its failure", () => {
    assert.ok(md.includes("## Proof\n\n**The proof failed: do not run this plan.**\n\n| check | result | detail |"));
    assert.ok(md.includes("| up | **failed** | boom |"));
    assert.ok(md.endsWith('```text\nERROR 42703: column "note" does not exist\n```\n'));
    assert.equal(planToMarkdown(planOf([])), "# Migration plan\n\nNo changes.\n");
  });
});

describe("proofFailureText", () => {
  it("names the phase, the step, the statement and the error", () => {
    assert.equal(
      proofFailureText(proof),
      'error: the plan failed its proof (up) at step 2 (create index public.users_name_idx)\nstatement:\n  CREATE INDEX …;\n  ERROR 42703: column "note" does not exist\n',
    );
    assert.equal(proofFailureText({ ok: true, checks: [] }), "");
  });
});
