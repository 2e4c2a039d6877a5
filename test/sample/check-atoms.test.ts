import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { type Atom, type CheckFacts, checkFacts } from "../../src/sample/check-atoms.js";
import { loadParser, type PgParser } from "../../src/sql/parser.js";

/** CHECK bodies as PostgreSQL prints them → the alternatives (each a conjunction of atoms) a generator honours. */
const CASES: readonly { readonly check: string; readonly facts: CheckFacts }[] = [
  {
    check: "(price >= (0)::numeric)",
    facts: { complete: true, alternatives: [[{ kind: "compare", column: "price", op: ">=", value: 0 }]] },
  },
  {
    check: "((pct >= (0)::numeric) AND (pct <= (100)::numeric))",
    facts: {
      complete: true,
      alternatives: [[{ kind: "compare", column: "pct", op: ">=", value: 0 }, { kind: "compare", column: "pct", op: "<=", value: 100 }]],
    },
  },
  {
    check: "(x > '-1'::integer)",
    facts: { complete: true, alternatives: [[{ kind: "compare", column: "x", op: ">", value: "-1" }]] },
  },
  {
    check: "(100 > qty)",
    facts: { complete: true, alternatives: [[{ kind: "compare", column: "qty", op: "<", value: 100 }]] },
  },
  {
    check: "(status = ANY (ARRAY['open'::text, 'paid'::text]))",
    facts: { complete: true, alternatives: [[{ kind: "in", column: "status", values: ["open", "paid"], negated: false }]] },
  },
  {
    check: "(upper((gender)::text) = ANY (ARRAY['M'::text, 'F'::text]))",
    facts: { complete: true, alternatives: [[{ kind: "in", column: "gender", values: ["M", "F"], negated: false }]] },
  },
  {
    check: "(char_length(name) <= 200)",
    facts: { complete: true, alternatives: [[{ kind: "length", column: "name", op: "<=", value: 200 }]] },
  },
  {
    check: "(btrim(name) <> ''::text)",
    facts: { complete: true, alternatives: [[{ kind: "length", column: "name", op: ">=", value: 1 }]] },
  },
  {
    check: "(email OPERATOR(public.~*) '^[^@\\s]+@[^@\\s]+$'::public.citext)",
    facts: { complete: true, alternatives: [[{ kind: "match", column: "email", pattern: "^[^@\\s]+@[^@\\s]+$", caseInsensitive: true, negated: false }]] },
  },
  {
    check: "(starts_at < ends_at)",
    facts: { complete: true, alternatives: [[{ kind: "order", lesser: "starts_at", greater: "ends_at", strict: true }]] },
  },
  {
    check: "(jsonb_typeof(doc) = 'object'::text)",
    facts: { complete: true, alternatives: [[{ kind: "json-type", column: "doc", type: "object" }]] },
  },
  {
    check: "((ended_at IS NULL) OR (ended_at >= started_at))",
    facts: {
      complete: true,
      alternatives: [[{ kind: "null", column: "ended_at", isNull: true }], [{ kind: "order", lesser: "started_at", greater: "ended_at", strict: false }]],
    },
  },
  {
    check: "((user_id IS NULL) <> (org_id IS NULL))",
    facts: {
      complete: true,
      alternatives: [
        [{ kind: "null", column: "user_id", isNull: true }, { kind: "null", column: "org_id", isNull: false }],
        [{ kind: "null", column: "user_id", isNull: false }, { kind: "null", column: "org_id", isNull: true }],
      ],
    },
  },
  {
    check: "(num_nonnulls(a, b) = 1)",
    facts: {
      complete: true,
      alternatives: [
        [{ kind: "null", column: "a", isNull: false }, { kind: "null", column: "b", isNull: true }],
        [{ kind: "null", column: "a", isNull: true }, { kind: "null", column: "b", isNull: false }],
      ],
    },
  },
  {
    check: "((builtin IS TRUE) AND (owner IS NULL))",
    facts: { complete: true, alternatives: [[{ kind: "in", column: "builtin", values: ["true"], negated: false }, { kind: "null", column: "owner", isNull: true }]] },
  },
  {
    // The part not understood is dropped; the rest still guides the generator, and the database judges the whole.
    check: "((qty > 0) AND (f(qty) = 3))",
    facts: { complete: false, alternatives: [[{ kind: "compare", column: "qty", op: ">", value: 0 }]] },
  },
  {
    check: "(CASE WHEN (a IS NULL) THEN 0 ELSE 1 END = 1)",
    facts: { complete: false, alternatives: [] },
  },
];

describe("checkFacts", () => {
  let parser: PgParser;
  before(async () => {
    parser = await loadParser();
  });
  for (const c of CASES) {
    it(c.check, () => assert.deepEqual(checkFacts(parser, c.check), c.facts));
  }

  it("multiplies out ORs inside an AND", () => {
    const facts = checkFacts(parser, "((a > 0) AND ((b IS NULL) OR (b > a)))");
    const a: Atom = { kind: "compare", column: "a", op: ">", value: 0 };
    assert.deepEqual(facts.alternatives, [
      [a, { kind: "null", column: "b", isNull: true }],
      [a, { kind: "order", lesser: "a", greater: "b", strict: true }],
    ]);
  });
});
