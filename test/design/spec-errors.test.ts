import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { designFromSpec } from "../../src/design/build-design.js";
import { SpecError } from "../../src/design/spec/spec-error.js";
import { parseSpec } from "../../src/design/spec/parse-spec.js";

/** The SpecError a spec gives (parse and design), or a failure when it gives none. */
function errorOf(text: string, file = "spec.yaml"): SpecError {
  try {
    designFromSpec(parseSpec(text, file));
  } catch (e) {
    if (e instanceof SpecError) return e;
    throw e;
  }
  assert.fail("expected a SpecError");
}

const base = "name: t\nentities:\n  customer:\n    fields:\n      email: email\n  order:\n    fields:\n      total: money\n";

describe("bad specs: an error with file, line, column, a caret and a hint", () => {
  it("malformed YAML", () => {
    const e = errorOf("name: t\nentities:\n  a: {fields: [1}\n");
    assert.match(e.message, /^spec\.yaml:3:\d+: malformed YAML/);
    assert.match(e.format(), /\n3 \|   a: \{fields: \[1\}\n +\| +\^/);
  });

  it("malformed JSON names JSON", () => {
    const e = errorOf('{"name": "t", "entities": {', "spec.json");
    assert.match(e.message, /^spec\.json:1:\d+: malformed JSON/);
  });

  it("an unknown key, with did you mean", () => {
    const e = errorOf(`${base.replace("      total: money\n", "      total: money\n    soft_delet: true\n")}`);
    assert.equal(e.location.line, 9);
    assert.equal(e.location.column, 5);
    assert.match(e.message, /unknown key "soft_delet" in entities\.order/);
    assert.equal(e.hint, 'did you mean "soft_delete"?');
  });

  it("an unknown top-level key", () => {
    const e = errorOf(`${base}entites: {}\n`);
    assert.match(e.message, /unknown key "entites"/);
    assert.equal(e.location.line, 9);
  });

  it("an unknown field type, with did you mean", () => {
    const e = errorOf(base.replace("email: email", "email: emial"));
    assert.match(e.message, /spec\.yaml:5:14: entities\.customer\.fields\.email: unknown field type "emial"/);
    assert.equal(e.hint, 'did you mean "email"?');
  });

  it("a relationship to an unknown entity, with did you mean", () => {
    const e = errorOf(`${base}relationships:\n  - { kind: many-to-one, from: order, to: customr }\n`);
    assert.match(e.message, /^spec\.yaml:10:\d+: unknown entity "customr"/);
    assert.equal(e.hint, 'did you mean "customer"?');
  });

  it("a relationship kind that does not exist", () => {
    const e = errorOf(`${base}relationships:\n  - { kind: many-to-on, from: order, to: customer }\n`);
    assert.match(e.message, /"many-to-on" is not one of/);
    assert.equal(e.hint, 'did you mean "many-to-one"?');
  });

  it("an access pattern on an unknown field", () => {
    const e = errorOf(`${base}relationships:\n  - { kind: many-to-one, from: order, to: customer }\naccess_patterns:\n  mine:\n    entity: order\n    equals: [custmer]\n`);
    assert.match(e.message, /^spec\.yaml:14:\d+: "order" has no field "custmer"/);
    assert.match(e.hint ?? "", /did you mean "customer/);
  });

  it("conflicting options: set null on a required relationship", () => {
    const e = errorOf(`${base}relationships:\n  - { kind: many-to-one, from: order, to: customer, on_delete: set null }\n`);
    assert.match(e.message, /set null needs an optional relationship/);
  });

  it("conflicting options: append-only and soft delete", () => {
    const e = errorOf(base.replace("      total: money\n", "      total: money\n    append_only: true\n    soft_delete: true\n"));
    assert.match(e.message, /append-only entity cannot be soft-deleted/);
    assert.equal(e.location.line, 10);
  });

  it("conflicting options: a default outside the values", () => {
    const e = errorOf(base.replace("total: money", "state: { type: status, values: [a, b], default: c }"));
    assert.match(e.message, /default "c" is not one of the values/);
  });

  it("geo_point without PostGIS", () => {
    const e = errorOf(base.replace("total: money", "where: geo_point"));
    assert.match(e.message, /geo_point needs PostGIS/);
    assert.match(e.hint ?? "", /extensions: \[postgis\]/);
  });

  it("a missing required key", () => {
    const e = errorOf("entities: {}\n");
    assert.match(e.message, /name is required/);
  });

  it("an empty file", () => {
    const e = errorOf("");
    assert.match(e.message, /the spec is empty/);
  });

  it("a JSON spec is read like YAML, with positions", () => {
    const json = JSON.stringify({ name: "t", entities: { a: { fields: { x: "text" }, colour: 1 } } }, null, 2);
    const e = errorOf(json, "spec.json");
    assert.match(e.message, /^spec\.json:8:7: unknown key "colour"/);
  });
});
