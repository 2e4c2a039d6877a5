import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, describe, it } from "node:test";
import { Ajv } from "ajv";
import { catalogJsonSchema } from "../../scripts/catalog-json-schema.js";
import { canonicalJson } from "../../src/catalog/canonical.js";
import { introspect } from "../../src/catalog/introspect.js";
import { applySql } from "../../src/sources/apply-sql.js";
import { PgliteScratch } from "../helpers/pglite.js";

const published = readFileSync(new URL("../../schema/catalog.schema.json", import.meta.url), "utf8");

describe("the published JSON Schema of snapshots", () => {
  const scratch = new PgliteScratch();
  after(() => scratch.close());

  it("is generated from src/catalog/model.ts (run `npm run schema:json` after changing the model)", () => {
    assert.equal(published, catalogJsonSchema());
  });

  it("accepts the snapshot of the shipped example, and rejects a snapshot with an unknown property", async () => {
    const db = await scratch.acquire();
    const text = readFileSync(new URL("../../examples/shop.sql", import.meta.url), "utf8");
    await db.session((s) => applySql(s, [{ name: "shop.sql", text }]));
    const snapshot = JSON.parse(canonicalJson(await introspect(db))) as Record<string, unknown>;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(published));
    assert.ok(validate(snapshot), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    assert.equal(validate({ ...snapshot, surprise: true }), false);
  });
});
