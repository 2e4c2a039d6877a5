import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parse } from "yaml";
import { designSpecJsonSchema } from "../../scripts/design-spec-json-schema.js";
import { designFromSpec } from "../../src/design/build-design.js";
import { DESIGN_RULE_IDS } from "../../src/design/rules/registry.js";
import { parseSpec } from "../../src/design/spec/parse-spec.js";

const doc = readFileSync(new URL("../../docs/design-spec.md", import.meta.url), "utf8");
const published = readFileSync(new URL("../../schema/design-spec.schema.json", import.meta.url), "utf8");
const examples = new URL("../../examples/", import.meta.url);

describe("the design spec's documentation and JSON Schema", () => {
  it("the JSON Schema is generated from the spec schema (run `npm run schema:json` after changing it)", () => {
    assert.equal(published, designSpecJsonSchema());
  });

  it("the JSON Schema accepts every example and rejects an unknown key", () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(published));
    for (const f of readdirSync(examples).filter((n) => n.endsWith(".yaml"))) {
      const spec = parse(readFileSync(new URL(f, examples), "utf8")) as Record<string, unknown>;
      assert.ok(validate(spec), `${f}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
      assert.equal(validate({ ...spec, surprise: 1 }), false);
    }
  });

  it("docs/design-spec.md documents every design rule", () => {
    for (const id of DESIGN_RULE_IDS) assert.ok(doc.includes(`| \`${id}\` |`), `${id} in the rules table`);
  });

  it("every YAML example in docs/design-spec.md that is a whole spec designs without error", () => {
    const blocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((b) => b.startsWith("name:"));
    assert.ok(blocks.length >= 1);
    for (const b of blocks) assert.ok(designFromSpec(parseSpec(b, "docs/design-spec.md")).tables.length > 0);
  });
});
