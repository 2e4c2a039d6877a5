import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { after, describe, it } from "node:test";
import { RULE_LIST, RULES } from "../../src/lint/rules/index.js";
import { ruleDoc, rulesIndex } from "../../scripts/rule-docs.js";
import { PgliteScratch } from "../helpers/pglite.js";
import type { RuleCases } from "./cases/case-types.js";
import { lintLoaded, lintText } from "./lint-harness.js";

const docs = new URL("../../docs/rules/", import.meta.url);
const scratch = new PgliteScratch();
after(() => scratch.close());

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
    it(`docs/rules/${rule.id}.md is up to date, and its examples do what they say`, async () => {
      const cases = ((await import(new URL(`./cases/${rule.id}.ts`, import.meta.url).href)) as { default: RuleCases }).default;
      const page = readFileSync(new URL(`${rule.id}.md`, docs), "utf8");
      assert.equal(page, ruleDoc(rule, cases), "run npm run docs:rules");
      const given = /Given:\n\n```sql\n([\s\S]*?)```/.exec(page)?.[1] ?? "";
      for (const [, kind, sql] of page.matchAll(/```sql (flagged|ok)\n([\s\S]*?)```/g)) {
        const found = rule.statement || rule.end ? await lintText(rule, sql!) : await lintLoaded(await scratch.acquire(), rule, `${given}${sql}`);
        if (kind === "flagged") assert.ok(found.length > 0, `${rule.id} should flag:\n${sql}`);
        else assert.deepEqual(found.map((f) => f.message), [], `${rule.id} should not flag:\n${sql}`);
      }
    });
  }
});
