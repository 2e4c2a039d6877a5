import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { designFromSpec } from "../../src/design/build-design.js";
import { designToSql } from "../../src/design/design-sql.js";
import { parseSpec } from "../../src/design/spec/parse-spec.js";
import { cli } from "../helpers/cli.js";
import { SERVER_URL, serverUnavailable } from "../helpers/server.js";

const BOOKING = new URL("../../examples/booking.yaml", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "pgs-design-cli-"));

describe("pg-schema design: the CLI", () => {
  it("--help documents the formats and exit codes", async () => {
    const r = await cli("design", "--help");
    assert.equal(r.code, 0);
    assert.match(r.stdout, /--format <md\|json\|sql\|html>/);
    assert.match(r.stdout, /Exit codes: 0/);
  });

  it("a bad spec: exit 1, file:line:column with a caret and a hint on stderr, nothing on stdout, nothing written", async () => {
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, "name: t\nentities:\n  customer:\n    fields:\n      email: email\n  order:\n    fields:\n      total: money\nrelationships:\n  - { kind: many-to-one, from: order, to: custmer }\n");
    const r = await cli("design", bad, "-o", join(dir, "out.md"));
    assert.equal(r.code, 1);
    assert.equal(r.stdout, "");
    assert.equal(r.files.size, 0);
    assert.match(r.stderr, new RegExp(`error: ${bad.replaceAll("/", "\\/")}:10:\\d+: unknown entity "custmer"`));
    assert.match(r.stderr, /\n10 \| {3}- \{ kind: many-to-one, from: order, to: custmer \}\n +\| +\^/);
    assert.match(r.stderr, /hint: did you mean "customer"\?/);
  });

  it("a missing spec file and a bad option are usage errors (exit 1)", async () => {
    assert.equal((await cli("design", join(dir, "none.yaml"))).code, 1);
    const r = await cli("design", BOOKING, "--format", "pdf");
    assert.equal(r.code, 1);
    assert.match(r.stderr, /unknown --format pdf/);
  });

  it("the example on embedded PGlite: exit 0, the Markdown report on stdout, progress on stderr", async () => {
    const r = await cli("design", BOOKING, "--date", "2026-11-25");
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^# booking\n/);
    assert.match(r.stdout, /## 6\. Verification queries/);
    assert.match(r.stderr, /proven \(\d+ checks\)/);
  });

  it("--format sql -o <folder> writes schema.sql, up.sql, down.sql and verify.sql", async (t) => {
    const unavailable = await serverUnavailable();
    const shadow = unavailable ? [] : ["--shadow", SERVER_URL];
    if (unavailable) t.diagnostic(`proving on PGlite: ${unavailable}`);
    const r = await cli("design", BOOKING, "--format", "sql", "-o", join(dir, "sql"), "-q", ...shadow);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual([...r.files.keys()].map((p) => p.slice(dir.length + 5)).sort(), ["down.sql", "schema.sql", "up.sql", "verify.sql"]);
    assert.match(r.files.get(join(dir, "sql", "up.sql"))!, /CREATE TABLE public\.bookings/);
  });

  it("--from evolves a schema: exit 2 with a migration, exit 3 when it drops data without --allow-data-loss", async (t) => {
    const unavailable = await serverUnavailable();
    const shadow = unavailable ? [] : ["--shadow", SERVER_URL];
    if (unavailable) t.diagnostic(`proving on PGlite: ${unavailable}`);
    const spec = readFileSync(BOOKING, "utf8");
    // Version 1: no phone for guests, and a `legacy_code` the new design no longer has.
    const v1 = spec.replace("      phone: phone?\n", "      legacy_code: text?\n");
    assert.notEqual(v1, spec);
    const from = join(dir, "v1.sql");
    writeFileSync(from, designToSql(designFromSpec(parseSpec(v1, "v1.yaml"))));
    const unsafe = await cli("design", BOOKING, "--from", from, "--format", "json", "-q", ...shadow);
    assert.equal(unsafe.code, 3, unsafe.stderr);
    assert.match(unsafe.stderr, /loses data/);
    const json = JSON.parse(unsafe.stdout) as { migration: { up: string; down: string }; breaking: unknown[] };
    assert.match(json.migration.up, /ADD COLUMN phone text/);
    assert.match(json.migration.up, /DROP COLUMN legacy_code/);
    const allowed = await cli("design", BOOKING, "--from", from, "--allow-data-loss", "-q", ...shadow);
    assert.equal(allowed.code, 2, allowed.stderr);
    assert.match(allowed.stdout, /data loss/);
  });

  it("--from a schema that already is the design: exit 0, no steps, the design still exercised", async (t) => {
    const unavailable = await serverUnavailable();
    const shadow = unavailable ? [] : ["--shadow", SERVER_URL];
    if (unavailable) t.diagnostic(`proving on PGlite: ${unavailable}`);
    const from = join(dir, "same.sql");
    writeFileSync(from, designToSql(designFromSpec(parseSpec(readFileSync(BOOKING, "utf8"), "booking.yaml"))));
    const r = await cli("design", BOOKING, "--from", from, "--format", "json", "-q", ...shadow);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as { migration: { up: string }; proof: { ok: boolean; checks: { kind: string }[] } };
    assert.match(json.migration.up, /no changes/);
    assert.ok(json.proof.ok);
    assert.ok(json.proof.checks.some((c) => c.kind === "rejects"));
  });
});
