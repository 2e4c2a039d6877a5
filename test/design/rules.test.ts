import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { designFromSpec } from "../../src/design/build-design.js";
import type { Design } from "../../src/design/design-types.js";
import { DESIGN_RULE_IDS, type DesignRuleId } from "../../src/design/rules/registry.js";
import { parseSpec } from "../../src/design/spec/parse-spec.js";

/** A spec from YAML entities (and optional top-level extras); the date is fixed so partitions are stable. */
function design(yaml: string): Design {
  return designFromSpec(parseSpec(`name: t\n${yaml}`, "spec.yaml"), { today: new Date("2026-11-25T00:00:00Z") });
}

const has = (d: Design, rule: DesignRuleId, text?: string): boolean =>
  d.decisions.some((x) => x.rule === rule && (text === undefined || `${x.subject} ${x.decision}`.includes(text)));
const index = (d: Design, pred: (i: Design["indexes"][number]) => boolean): boolean => d.indexes.some(pred);
const constraint = (d: Design, pred: (c: Design["constraints"][number]) => boolean): boolean => d.constraints.some(pred);

interface RuleCase {
  /** A spec where the rule makes its decision… */
  readonly fires: string;
  /** …and a close one where it does not. */
  readonly quiet: string;
  readonly holds: (d: Design) => boolean;
}

const one = (fields: string, extra = ""): string => `entities:\n  item:\n    fields:\n${fields}\n${extra}`;
const orders = (extra: string, relExtra = ""): string =>
  `entities:\n  customer:\n    fields:\n      name: text\n  order:\n    fields:\n      placed_at: timestamp\n      status: { type: status, values: [open, paid] }\n${extra}\nrelationships:\n  - { kind: many-to-one, from: order, to: customer${relExtra} }\n`;

const CASES: Record<DesignRuleId, RuleCase> = {
  "naming-conventions": {
    fires: one("      name: text"),
    quiet: `conventions: { tables: singular }\n${one("      name: text")}`,
    holds: (d) => d.tables.some((t) => t.name === "items"),
  },
  "key-identity": {
    fires: one("      name: text"),
    quiet: `conventions: { ids: uuid }\n${one("      name: text")}`,
    holds: (d) => d.tables[0]!.columns[0]!.identity === true,
  },
  "type-timestamptz": {
    fires: one("      at: timestamp"),
    quiet: one("      at: text"),
    holds: (d) => has(d, "type-timestamptz", "timestamp with time zone"),
  },
  "type-money-numeric": {
    fires: one("      price: { type: money, currency: JPY }"),
    quiet: one("      price: integer"),
    holds: (d) => d.tables[0]!.columns.some((c) => c.type === "numeric(10,0)" || c.type.startsWith("numeric(")),
  },
  "type-text-check": {
    fires: one("      email: email"),
    quiet: one("      email: text"),
    holds: (d) => constraint(d, (c) => c.kind === "check" && c.rule === "type-text-check"),
  },
  "type-numeric-range": {
    fires: one("      pct: percentage"),
    quiet: one("      pct: float"),
    holds: (d) => constraint(d, (c) => c.kind === "check" && c.definition.includes("BETWEEN 0 AND 100")),
  },
  "type-jsonb": {
    fires: one("      doc: document"),
    quiet: one("      doc: text"),
    holds: (d) => d.tables[0]!.columns.some((c) => c.type === "jsonb") && constraint(d, (c) => c.definition.includes("jsonb_typeof")),
  },
  "status-values": {
    fires: one("      state: { type: status, values: [a, b] }"),
    quiet: one("      state: text"),
    holds: (d) => has(d, "status-values", "IN (a, b)"),
  },
  "not-null-required": {
    fires: one("      name: text"),
    quiet: one("      name: text?"),
    holds: (d) => d.tables[0]!.columns.find((c) => c.name === "name")!.notNull,
  },
  "unique-natural-key": {
    fires: one("      code: text", "    key: [code]"),
    quiet: one("      code: text"),
    holds: (d) => constraint(d, (c) => c.kind === "unique"),
  },
  "check-constraints": {
    fires: one("      a: integer\n      b: integer", "    checks: [{ sql: 'a < b' }]"),
    quiet: one("      a: integer\n      b: integer"),
    holds: (d) => constraint(d, (c) => c.rule === "check-constraints"),
  },
  "fk-actions": {
    fires: orders("", ", on_delete: cascade"),
    quiet: orders(""),
    holds: (d) => constraint(d, (c) => c.kind === "foreign-key" && c.definition.endsWith("ON DELETE CASCADE")),
  },
  "normalize-many-to-many": {
    fires: "entities:\n  post:\n    fields: { title: text }\n  tag:\n    fields: { name: text }\nrelationships:\n  - { kind: many-to-many, from: post, to: tag }\n",
    quiet: "entities:\n  post:\n    fields: { title: text }\n  tag:\n    fields: { name: text }\nrelationships:\n  - { kind: many-to-one, from: post, to: tag }\n",
    holds: (d) => d.tables.some((t) => t.name === "post_tags"),
  },
  "normalize-repeating-group": {
    fires: one("      phone_1: phone\n      phone_2: phone"),
    quiet: one("      phone_1: phone\n      fax: phone"),
    holds: (d) => d.tables.some((t) => t.name === "item_phones"),
  },
  timestamps: {
    fires: one("      name: text"),
    quiet: one("      name: text", "    timestamps: false"),
    holds: (d) => d.tables[0]!.updatedAt === true,
  },
  "soft-delete": {
    fires: one("      email: { type: email, unique: true }", "    soft_delete: true"),
    quiet: one("      email: { type: email, unique: true }"),
    holds: (d) => index(d, (i) => i.unique === true && i.where === "deleted_at IS NULL"),
  },
  audit: {
    fires: one("      name: text", "    audit: table"),
    quiet: one("      name: text"),
    holds: (d) => d.tables.some((t) => t.name === "audit_log") && d.tables[0]!.auditTrigger === true,
  },
  "exclude-no-overlap": {
    fires: one("      room: integer\n      starts_at: timestamp\n      ends_at: timestamp", "    no_overlap: [{ period: [starts_at, ends_at], per: [room] }]"),
    quiet: one("      room: integer\n      starts_at: timestamp\n      ends_at: timestamp"),
    holds: (d) => constraint(d, (c) => c.kind === "exclude") && d.extensions.includes("btree_gist"),
  },
  "index-access-pattern": {
    fires: orders("", "") + "access_patterns:\n  recent:\n    entity: order\n    equals: [customer]\n    sort: [placed_at desc]\n",
    quiet: orders("", ""),
    holds: (d) => index(d, (i) => i.rule === "index-access-pattern" && i.keys.join(",") === "customer_id,placed_at DESC"),
  },
  "index-gin": {
    fires: one("      tags: tags") + "access_patterns:\n  by_tag: { entity: item, contains: [tags] }\n",
    quiet: one("      tags: tags"),
    holds: (d) => index(d, (i) => i.method === "gin"),
  },
  "index-gist": {
    fires: one("      during: period") + "access_patterns:\n  overlapping: { entity: item, overlaps: during }\n",
    quiet: one("      during: period"),
    holds: (d) => index(d, (i) => i.method === "gist"),
  },
  "index-brin": {
    fires: one("      value: float", "    append_only: true\n    scale: { rows: 5000000 }"),
    quiet: one("      value: float", "    append_only: true\n    scale: { rows: 5000 }"),
    holds: (d) => index(d, (i) => i.method === "brin"),
  },
  "index-foreign-key": {
    fires: orders(""),
    quiet: "entities:\n  customer:\n    fields:\n      name: text\n",
    holds: (d) => index(d, (i) => i.rule === "index-foreign-key" && i.keys[0] === "customer_id"),
  },
  "index-no-redundant": {
    fires: orders("") + "access_patterns:\n  by_customer: { entity: order, equals: [customer] }\n  recent: { entity: order, equals: [customer], sort: [placed_at] }\n",
    quiet: orders("") + "access_patterns:\n  recent: { entity: order, equals: [customer], sort: [placed_at] }\n",
    holds: (d) => has(d, "index-no-redundant") && d.indexes.filter((i) => i.table === "orders").length === 1,
  },
  "partition-range-time": {
    fires: one("      at: timestamp\n      v: float", "    time_series: { time: at }\n    scale: { growth_per_day: 100000 }"),
    quiet: one("      at: timestamp\n      v: float", "    time_series: { time: at }\n    scale: { growth_per_day: 100 }"),
    holds: (d) => d.tables[0]!.partitioning?.strategy === "range" && d.tables[0]!.partitioning.partitions.some((p) => p.bound === "DEFAULT"),
  },
  "partition-list": {
    fires: one("      region: text", "    partition: { by: list, key: region, values: { eu: [eu], us: [us] } }"),
    quiet: one("      region: text"),
    holds: (d) => d.tables[0]!.partitioning?.strategy === "list",
  },
  "partition-hash": {
    fires: one("      v: text", "    scale: { rows: 500000000 }"),
    quiet: one("      v: text", "    scale: { rows: 5000000 }"),
    holds: (d) => d.tables[0]!.partitioning?.strategy === "hash",
  },
  "partition-none": {
    fires: one("      v: text", "    scale: { rows: 1000 }"),
    quiet: one("      v: text", "    scale: { rows: 500000000 }"),
    holds: (d) => has(d, "partition-none"),
  },
  "partition-key-in-pk": {
    fires: one("      at: timestamp", "    time_series: { time: at }\n    scale: { rows: 50000000 }"),
    quiet: one("      at: timestamp", "    time_series: { time: at }"),
    holds: (d) => constraint(d, (c) => c.kind === "primary-key" && c.columns.join(",") === "id,at"),
  },
  "rls-tenant": {
    fires: "tenancy: { entity: org }\nentities:\n  org:\n    fields: { name: text }\n  doc:\n    fields: { title: text }\n",
    quiet: "entities:\n  org:\n    fields: { name: text }\n  doc:\n    fields: { title: text }\n",
    holds: (d) => d.tables.some((t) => t.rls) && d.policies.length > 0 && d.roles.includes("app_user"),
  },
  "tenant-composite-fk": {
    fires: "tenancy: { entity: org }\nentities:\n  org:\n    fields: { name: text }\n  project:\n    fields: { name: text }\n  task:\n    fields: { title: text }\nrelationships:\n  - { kind: many-to-one, from: task, to: project }\n",
    quiet: "entities:\n  org:\n    fields: { name: text }\n  project:\n    fields: { name: text }\n  task:\n    fields: { title: text }\nrelationships:\n  - { kind: many-to-one, from: task, to: project }\n",
    holds: (d) => constraint(d, (c) => c.kind === "foreign-key" && c.definition.startsWith("FOREIGN KEY (org_id, project_id) REFERENCES public.projects (org_id, id)")),
  },
};

describe("design rules: each fires on a spec that calls for it and stays quiet on a close one that does not", () => {
  for (const id of DESIGN_RULE_IDS) {
    it(id, () => {
      const c = CASES[id];
      const fired = design(c.fires);
      const quiet = design(c.quiet);
      assert.ok(c.holds(fired), `${id} should hold:\n${JSON.stringify(fired.decisions.filter((d) => d.rule === id), null, 2)}`);
      assert.ok(fired.decisions.some((d) => d.rule === id), `${id} should be cited among the decisions`);
      assert.ok(!c.holds(quiet), `${id} should not hold on the quiet spec`);
    });
  }
});
