import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import type { Finding } from "../../src/lint/finding.js";
import { RULE_LIST } from "../../src/lint/rules/index.js";
import { lintToSarif } from "../../src/report/lint-sarif.js";
import { cli } from "../helpers/cli.js";

/**
 * `--format sarif` against the official SARIF 2.1.0 JSON Schema. The schema comes from an npm package: Microsoft's
 * SARIF SDK (`@microsoft/jest-sarif`) ships the SARIF TC's schema as `lib/schemas/sarif-2.1.0-rtm.5.json`. That
 * revision is JSON Schema draft-04 (`id`, not `$id`), so it is compiled with ajv-draft-04's Ajv (Ajv's default
 * class is draft-07 and has no draft-04 meta-schema), with ajv-formats checking `uri`, `uri-reference` and
 * `date-time`. It differs from the OASIS file `sarif-schema-2.1.0.json` (draft-07) only in descriptions, the
 * `language` pattern and `suppression.status` (later `state`), none of which this report uses.
 */
const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8")) as Record<string, unknown>;

// ajv-draft-04 and ajv-formats are CommonJS with `exports.default`: under ESM the default import is the module.
const Ajv04 = AjvDraft04.default;
const formats = addFormats.default;
// unicodeRegExp: false: rtm.5's `language` pattern has a stray `]` (fixed in the OASIS file) that is a syntax error
// under the `u` flag Ajv uses by default, and a literal without it.
const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
formats(ajv);
const validate = ajv.compile(schema);

function assertValid(sarif: unknown): void {
  assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 8), null, 2));
}

const tmp = mkdtempSync(join(tmpdir(), "pg-schema-sarif-"));

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; helpUri?: string }[] } };
    results: { ruleId: string; ruleIndex?: number; level: string; message: { text: string }; locations?: { physicalLocation?: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } }; logicalLocations?: { fullyQualifiedName: string }[] }[] }[];
  }[];
}

describe("lint --format sarif", () => {
  it("the schema is the SARIF 2.1.0 one, and the validator rejects what it should", () => {
    assert.match(String(schema.title), /SARIF\) Version 2\.1\.0/);
    assert.equal(validate({ version: "2.1.0", runs: [{ tool: { driver: { name: "x" } }, results: [{ message: { text: "m" }, level: "fatal" }] }] }), false);
    assert.equal(validate({ version: "2.1.0", runs: [], surprise: 1 }), false);
    assert.equal(validate({ version: "2.1.0", runs: [{ tool: { driver: { name: "x", informationUri: "not a uri" } } }] }), false);
  });

  it("a migration with findings: valid, every result points at its rule, file, line and column", async () => {
    const path = join(tmp, "0001 add email.sql");
    writeFileSync(path, "ALTER TABLE users ADD COLUMN email text NOT NULL;\nCREATE INDEX users_email ON users (email);\nCREATE TABLE notes (body varchar(100));\n");
    const r = await cli("lint", path, "--format", "sarif");
    assert.equal(r.code, 2, r.stderr);
    const log = JSON.parse(r.stdout) as SarifLog;
    assertValid(log);
    const run = log.runs[0]!;
    assert.equal(run.tool.driver.name, "pg-schema");
    assert.deepEqual(run.tool.driver.rules.map((x) => x.id), RULE_LIST.map((x) => x.id));
    assert.ok(run.results.length >= 4);
    for (const result of run.results) {
      assert.equal(run.tool.driver.rules[result.ruleIndex!]!.id, result.ruleId);
      const physical = result.locations![0]!.physicalLocation!;
      assert.ok(physical.artifactLocation.uri.endsWith("/0001%20add%20email.sql"), physical.artifactLocation.uri);
    }
    const required = run.results.find((x) => x.ruleId === "adding-required-field")!;
    assert.equal(required.level, "error");
    assert.deepEqual(required.locations![0]!.physicalLocation!.region, { startLine: 1, startColumn: 30 });
    assert.equal(run.results.find((x) => x.ruleId === "prefer-text-field")!.level, "note");
  });

  it("a syntax error, schema findings (logical locations) and odd file names are valid too", () => {
    const findings: Finding[] = [
      { rule: "syntax-error", severity: "error", message: 'syntax error at or near "SELEC"', location: { file: "migrations/100% done [v2].sql", line: 3, column: 13 } },
      { rule: "fk-missing-index", severity: "warning", message: "no index", help: "add one", object: "public.orders" },
      { rule: "require-primary-key", severity: "warning", message: "no key" },
      { rule: "prefer-text-field", severity: "info", message: "varchar", location: { file: "C:\\work\\m.sql", line: 1, column: 1 } },
      { rule: "require-lock-timeout", severity: "warning", message: "lock", location: { file: "/abs/päth/m.sql", line: 2, column: 1 }, fix: { title: "t", sql: "SET lock_timeout = '5s';" } },
    ];
    const log = JSON.parse(lintToSarif(findings, RULE_LIST, "0.1.0")) as SarifLog;
    assertValid(log);
    const [syntax, schemaFinding, bare, windows, unicode] = log.runs[0]!.results;
    assert.equal(log.runs[0]!.tool.driver.rules[syntax!.ruleIndex!]!.id, "syntax-error");
    assert.equal(syntax!.locations![0]!.physicalLocation!.artifactLocation.uri, "migrations/100%25%20done%20%5Bv2%5D.sql");
    assert.deepEqual(schemaFinding!.locations, [{ logicalLocations: [{ fullyQualifiedName: "public.orders" }] }]);
    assert.equal(bare!.locations, undefined);
    assert.equal(windows!.locations![0]!.physicalLocation!.artifactLocation.uri, "file:///C:/work/m.sql");
    assert.equal(unicode!.locations![0]!.physicalLocation!.artifactLocation.uri, "file:///abs/p%C3%A4th/m.sql");
  });

  it("no findings: one run, every rule, an empty result list, still valid", () => {
    const log = JSON.parse(lintToSarif([], RULE_LIST, "0.1.0")) as SarifLog;
    assertValid(log);
    assert.deepEqual(log.runs[0]!.results, []);
  });
});
