import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { RULE_LIST, RULES } from "../../src/lint/rules/index.js";
import { ruleDoc, rulesIndex } from "../../scripts/rule-docs.js";
import type { RuleCases } from "./cases/case-types.js";

const docs = new URL("../../docs/rules/", import.meta.url);

describe("the rule registry and the rules' docs", () => {
  it("every rule file is registered under its file name, and every registered rule has its file", () => {
    const files = readdirSync(new URL("../../src/lint/rules/", import.meta.url))
      .filter((n) => n.endsWith(".ts") && n !== "index.ts" && !n.startsWith("batch-"))
      .map((n) => n.replace(/\.ts$/, ""))
      .sort();
    assert.deepEqual(Object.keys(RULES).sort(), files);
    for (const [id, rule] of Object.entries(RULES)) assert.equal(rule.id, id);
  });

  it("docs/rules/README.md is up to date (npm run docs:rules)", () => {
    assert.equal(readFileSync(new URL("README.md", docs), "utf8"), rulesIndex());
  });

  for (const rule of RULE_LIST) {
    it(`docs/rules/${rule.id}.md is up to date: its examples are the rule's case table, run by rules.test.ts`, async () => {
      const cases = ((await import(new URL(`./cases/${rule.id}.ts`, import.meta.url).href)) as { default: RuleCases }).default;
      const page = readFileSync(new URL(`${rule.id}.md`, docs), "utf8");
      assert.equal(page, ruleDoc(rule, cases), "run npm run docs:rules");
      // The page shows exactly the cases (flagged = invalid, not flagged = valid) that rules.test.ts lints, with fixes
      // applied on PGlite (live cases by live-rules.test.ts, on PGlite and the server): the same SQL is not run twice.
      const shown = [...page.matchAll(/```sql (flagged|ok)\n([\s\S]*?)```/g)].map(([, kind, sql]) => `${kind}:${sql!.trim()}`);
      assert.deepEqual(shown, [
        ...cases.invalid.map((c) => `flagged:${c.sql.trim()}`),
        ...(cases.live?.invalid ?? []).map((c) => `flagged:${c.sql.trim()}`),
        ...cases.valid.map((v) => `ok:${v.trim()}`),
        ...(cases.live?.valid ?? []).map((c) => `ok:${c.sql.trim()}`),
      ]);
    });
  }
});
