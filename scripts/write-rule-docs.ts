import { mkdirSync, writeFileSync } from "node:fs";
import { RULE_LIST } from "../src/lint/rules/index.js";
import type { RuleCases } from "../test/lint/cases/case-types.js";
import { ruleDoc, rulesIndex } from "./rule-docs.js";

const dir = new URL("../docs/rules/", import.meta.url);
mkdirSync(dir, { recursive: true });
for (const rule of RULE_LIST) {
  const cases = ((await import(new URL(`../test/lint/cases/${rule.id}.ts`, import.meta.url).href)) as { default: RuleCases }).default;
  writeFileSync(new URL(`${rule.id}.md`, dir), ruleDoc(rule, cases));
}
writeFileSync(new URL("README.md", dir), rulesIndex());
console.log(`wrote docs/rules/README.md and ${RULE_LIST.length} rule pages`);
