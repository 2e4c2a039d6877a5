import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { faker } from "@faker-js/faker/locale/en";
import { gatherBounds, NO_BOUNDS } from "../../src/sample/column-bounds.js";
import { ColumnKinds, parseTypeName } from "../../src/sample/column-kind.js";
import type { Catalog } from "../../src/catalog/model.js";
import { Random } from "../../src/sample/random.js";
import { jsRegExp, sampleRegex } from "../../src/sample/regex-sample.js";
import { textMaker } from "../../src/sample/semantic-text.js";
import { type ColumnSpec, generateValue, type ValueContext } from "../../src/sample/value-generator.js";

const kinds = new ColumnKinds({
  types: [
    { kind: "enum", schema: "app", name: "mood", owner: "o", labels: ["sad", "ok", "happy"] },
    { kind: "domain", schema: "app", name: "pos", owner: "o", baseType: "numeric(8,2)", notNull: true, constraints: [{ name: "c", definition: "CHECK ((VALUE > (0)::numeric))" }] },
  ],
} as unknown as Catalog);

function spec(name: string, type: string): ColumnSpec {
  return { name, type, kind: kinds.of(type), notNull: true, nullChance: 0, text: textMaker(name, "customer"), trueChance: 0.5 };
}

function values(s: ColumnSpec, bounds = NO_BOUNDS, n = 200, extra: Partial<ValueContext> = {}): string[] {
  const random = new Random(3);
  faker.seed(3);
  return Array.from({ length: n }, (_, i) => {
    const v = generateValue(s, { faker, random, bounds, window: i, sequence: i + 1, known: () => undefined, ...extra });
    assert.ok(v !== undefined && v.text !== null, `${s.type} has a value`);
    return v.text;
  });
}

describe("column kinds", () => {
  it("reads format_type text", () => {
    assert.deepEqual(parseTypeName("public.geography(Point,4326)[]"), { schema: "public", name: "geography", modifiers: ["Point", "4326"], arrayDims: 1 });
    assert.deepEqual(parseTypeName("timestamp(3) with time zone"), { name: "timestamp with time zone", modifiers: ["3"], arrayDims: 0 });
    assert.deepEqual(kinds.of("app.pos"), { scalar: { kind: "numeric", precision: 8, scale: 2 }, arrayDims: 0, domainChecks: ["(VALUE > (0)::numeric)"], domainNotNull: true });
    assert.equal(kinds.of("\"char\"").scalar.kind, "text");
    assert.equal(kinds.of("public.hstore").scalar.kind, "hstore");
  });
});

describe("generateValue", () => {
  it("keeps numbers within CHECK bounds and precision", () => {
    const bounds = gatherBounds([{ kind: "compare", column: "pct", op: ">=", value: 0 }, { kind: "compare", column: "pct", op: "<", value: 100 }]).get("pct")!;
    for (const v of values(spec("pct", "numeric(5,2)"), bounds)) {
      assert.match(v, /^\d{1,2}\.\d{2}$/);
      assert.ok(Number(v) >= 0 && Number(v) < 100, v);
    }
    for (const v of values(spec("n", "smallint"))) assert.ok(Number(v) >= 1 && Number(v) <= 10_000, v);
  });

  it("moves the range to a bound far from the default one", () => {
    const bounds = gatherBounds([{ kind: "compare", column: "seen", op: ">=", value: "2030-01-01" }]).get("seen")!;
    for (const v of values(spec("seen", "date"), bounds)) assert.ok(v >= "2030-01-01", v);
  });

  it("places a column after the one it must follow", () => {
    const bounds = gatherBounds([{ kind: "order", lesser: "starts_at", greater: "ends_at", strict: true }]).get("ends_at")!;
    const start = Date.UTC(2026, 0, 10) / 1000;
    for (const v of values(spec("ends_at", "timestamp with time zone"), bounds, 50, { known: () => start })) {
      const t = Date.parse(v.replace(" ", "T").replace("+00", "Z")) / 1000;
      assert.ok(t > start && t <= start + 7 * 86_400, v);
    }
  });

  it("draws from IN lists, enums and text that fits its length and pattern", () => {
    const listed = gatherBounds([{ kind: "in", column: "status", values: ["open", "paid"], negated: false }]).get("status")!;
    assert.deepEqual(new Set(values(spec("status", "text"), listed)), new Set(["open", "paid"]));
    assert.deepEqual(new Set(values(spec("mood", "app.mood"))), new Set(["sad", "ok", "happy"]));
    for (const v of values(spec("full_name", "character varying(12)"))) assert.ok(v.length <= 12);
    const currency = gatherBounds([{ kind: "match", column: "currency", pattern: "^[A-Z]{3}$", caseInsensitive: false, negated: false }]).get("currency")!;
    for (const v of values(spec("currency", "character(3)"), currency)) assert.match(v, /^[A-Z]{3}$/);
    const code = gatherBounds([{ kind: "match", column: "code", pattern: "^[0-9]{5}(-[0-9]{4})?$", caseInsensitive: false, negated: false }]).get("code")!;
    for (const v of values(spec("code", "text"), code)) assert.match(v, /^[0-9]{5}(-[0-9]{4})?$/);
  });

  it("writes names, emails and phones people would recognise", () => {
    assert.match(values(spec("email", "text"), NO_BOUNDS, 1)[0]!, /^[^@\s]+@[^@\s]+\.\w+$/);
    assert.match(values(spec("phone", "text"), NO_BOUNDS, 1)[0]!, /^\+1[2-9]\d{9}$/);
    assert.match(values(spec("name", "text"), NO_BOUNDS, 1)[0]!, /^\S+ \S+/);
    assert.match(values(spec("location", "public.geography(Point,4326)"), NO_BOUNDS, 1)[0]!, /^SRID=4326;POINT\(-?[\d.]+ -?[\d.]+\)$/);
    assert.match(values(spec("during", "tstzrange"), NO_BOUNDS, 1)[0]!, /^\["2026-.*","2026-.*"\)$|^\["2025-.*","20\d\d-.*"\)$/);
    assert.match(values(spec("tags", "text[]"), NO_BOUNDS, 1)[0]!, /^\{("[^"]+",?){0,3}\}$/);
  });

  it("gives EXCLUDE windows that never overlap from row to row", () => {
    const start = { ...spec("starts_at", "timestamp with time zone"), window: "start" as const };
    const end = { ...spec("ends_at", "timestamp with time zone"), window: "end" as const };
    const starts = values(start, NO_BOUNDS, 30);
    const ends = values(end, NO_BOUNDS, 30);
    for (let i = 0; i < 30; i++) {
      assert.ok(starts[i]! < ends[i]!, `row ${i}`);
      if (i > 0) assert.ok(ends[i - 1]! <= starts[i]!, `row ${i}`);
    }
  });
});

describe("sampleRegex", () => {
  const random = new Random(1);
  for (const pattern of ["^[A-Z]{3}$", "^\\+[1-9][0-9]{7,14}$", "^[a-z][a-z0-9-]*$", "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", "^(foo|ba[rz])_\\d+$", "^[[:alpha:]]{2,4}$"]) {
    it(pattern, () => {
      const re = jsRegExp(pattern, false)!;
      for (let i = 0; i < 50; i++) assert.match(sampleRegex(pattern, random)!, re);
    });
  }
  it("says when it cannot", () => assert.equal(sampleRegex("^(?=x)a$", random), undefined));
});
