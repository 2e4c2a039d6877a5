/**
 * Deterministic design specs of N entities for the `pg-schema design` bench (bench/design.bench.ts): a business
 * domain of the usual shape, the same text for the same N and seed.
 *
 * - Fields: a name or title on every entity, then 3 – 7 of text, email, money (fixed EUR/USD or a currency per row),
 *   quantity, status with values, timestamp, boolean, tags, document and optional text.
 * - About 1.3 many-to-one relationships per entity, always to an earlier entity (a DAG, as a real model mostly is),
 *   often to one of the first few "hub" entities; about 65 % required with the default restrict, 20 % cascade,
 *   15 % optional with on_delete set null. About one many-to-many per 20 entities.
 * - A natural key (`key: [code]`) on ~15 % of entities, soft_delete on ~20 %, two append_only entities with a scale
 *   (one large enough to be partitioned by time, one not), never referenced by others.
 * - About one access pattern per 3 entities: mostly equals on a foreign key + sort on a timestamp, some containment
 *   on tags, some full-text search.
 *
 * Run alone: `node --import tsx bench/design-spec-generator.ts <N> [--seed S] [-o file.yaml]` prints the YAML.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { Document, isMap, isSeq } from "yaml";

type Field = string | Record<string, unknown>;

interface Entity {
  fields: Record<string, Field>;
  key?: string[];
  soft_delete?: boolean;
  append_only?: boolean;
  scale?: { rows: number; growth_per_day: number; retention?: string };
}

interface Relationship {
  kind: "many-to-one" | "many-to-many";
  from: string;
  to: string;
  name?: string;
  required?: boolean;
  on_delete?: "cascade" | "set null";
}

interface AccessPattern {
  entity: string;
  description: string;
  equals?: string[];
  sort?: string[];
  contains?: string[];
  search?: string[];
  limit?: number;
}

export interface GeneratedSpec {
  name: string;
  description: string;
  entities: Record<string, Entity>;
  relationships: Relationship[];
  access_patterns: Record<string, AccessPattern>;
}

/** Counts of what a generated spec holds, for the bench's table. */
export interface SpecStats {
  entities: number;
  fields: number;
  manyToOne: number;
  manyToMany: number;
  keys: number;
  softDelete: number;
  appendOnly: number;
  patterns: number;
}

/** mulberry32: small, fast and the same on every platform. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AREAS = ["sales", "billing", "support", "logistics", "marketing", "finance", "people", "catalog", "field", "partner"];
const NOUNS = [
  "account", "customer", "supplier", "product", "order", "invoice", "payment", "shipment", "ticket", "contract",
  "project", "task", "employee", "team", "region", "warehouse", "campaign", "lead", "quote", "refund",
  "vendor", "asset", "booking", "review", "document",
];

const STATUS_SETS = [
  ["draft", "active", "retired"],
  ["open", "in_progress", "resolved", "closed"],
  ["pending", "approved", "rejected"],
  ["new", "qualified", "won", "lost"],
  ["scheduled", "done", "cancelled"],
];
const TIMESTAMPS = ["opened_at", "due_at", "scheduled_at", "approved_at", "closed_at", "signed_at", "shipped_at", "reviewed_at"];
const MONEY = ["amount", "price", "cost", "budget", "balance", "fee"];
const QUANTITIES = ["quantity", "units", "seats", "capacity", "headcount"];
const BOOLEANS = ["active", "archived", "verified", "billable", "internal"];
const TEXTS = ["label", "reference", "city", "summary", "owner_name"];

export function generateSpec(n: number, seed = 1): GeneratedSpec {
  if (!Number.isInteger(n) || n < 2 || n > AREAS.length * NOUNS.length + NOUNS.length) throw new Error(`entities: expected 2 – ${AREAS.length * NOUNS.length + NOUNS.length}, not ${n}`);
  const rand = prng(seed * 7919 + n);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const chance = (p: number): boolean => rand() < p;
  const pickSome = <T>(xs: readonly T[], k: number): T[] => {
    const pool = [...xs];
    const out: T[] = [];
    while (out.length < k && pool.length > 0) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]!);
    return out;
  };

  // Names: the plain nouns first, then area_noun, in a seeded order within each round.
  const names = [...pickSome(NOUNS, NOUNS.length), ...pickSome(AREAS.flatMap((area) => NOUNS.map((noun) => `${area}_${noun}`)), n)].slice(0, n);

  // Two append-only entities (leaves: nothing references them), one in the middle and the last one.
  const appendOnly = new Set(n >= 4 ? [names[Math.floor(n / 2)]!, names[n - 1]!] : []);
  const hubs = Math.max(2, Math.ceil(n / 10));

  const entities: Record<string, Entity> = {};
  const timestampsOf = new Map<string, string[]>();
  const textsOf = new Map<string, string[]>();
  const tagged = new Set<string>();
  for (const name of names) {
    const fields: Record<string, Field> = {};
    const texts: string[] = [];
    const times: string[] = [];
    const title = chance(0.5) ? "name" : "title";
    fields[title] = { type: "text", max_length: 200 };
    texts.push(title);
    const entity: Entity = { fields };
    if (appendOnly.has(name)) {
      fields.kind = { type: "status", values: pick(STATUS_SETS) };
      fields.occurred_at = "timestamp";
      fields.amount = { type: "money", currency: "per_row" };
      fields.payload = { type: "document", required: false };
      times.push("occurred_at");
      entity.append_only = true;
      entity.scale = name === names[n - 1] ? { rows: 50_000_000, growth_per_day: 200_000, retention: "13 months" } : { rows: 2_000_000, growth_per_day: 20_000 };
    } else {
      if (chance(0.15)) {
        fields.code = { type: "text", max_length: 32 };
        entity.key = ["code"];
      }
      const kinds = pickSome(["email", "money", "quantity", "status", "timestamp", "timestamp", "boolean", "tags", "document", "notes", "text"], 3 + Math.floor(rand() * 5));
      for (const kind of kinds) {
        switch (kind) {
          case "email":
            fields.contact_email = chance(0.3) ? { type: "email", unique: true } : "email";
            break;
          case "money": {
            const currency = pick(["EUR", "EUR", "USD", "per_row"]);
            fields[pick(MONEY)] = currency === "per_row" ? { type: "money", currency } : { type: "money", currency, min: 0 };
            break;
          }
          case "quantity":
            fields[pick(QUANTITIES)] = chance(0.5) ? { type: "quantity", min: 1 } : "quantity";
            break;
          case "status": {
            const values = pick(STATUS_SETS);
            fields.status = { type: "status", values, default: values[0] };
            break;
          }
          case "timestamp": {
            const t = pick(TIMESTAMPS.filter((x) => !(x in fields)));
            fields[t] = chance(0.3) ? "timestamp?" : "timestamp";
            times.push(t);
            break;
          }
          case "boolean":
            fields[pick(BOOLEANS)] = "boolean";
            break;
          case "tags":
            fields.tags = "tags";
            tagged.add(name);
            break;
          case "document":
            fields.attributes = chance(0.5) ? { type: "document", required: false } : "document";
            break;
          case "notes":
            fields.notes = "text?";
            texts.push("notes");
            break;
          case "text": {
            const t = pick(TEXTS);
            fields[t] = "text";
            texts.push(t);
            break;
          }
        }
      }
      if (chance(0.2)) entity.soft_delete = true;
    }
    entities[name] = entity;
    timestampsOf.set(name, times);
    textsOf.set(name, texts);
  }

  // Many-to-one: to earlier entities that are not append-only, often a hub.
  const relationships: Relationship[] = [];
  const rolesOf = new Map<string, string[]>();
  names.forEach((from, i) => {
    const earlier = names.slice(0, i).filter((x) => !appendOnly.has(x));
    if (earlier.length === 0) return;
    const want = Math.min(earlier.length, 1 + (chance(0.28) ? 1 : 0) + (chance(0.05) ? 1 : 0));
    const targets = new Set<string>();
    while (targets.size < want) targets.add(chance(0.4) ? pick(earlier.slice(0, hubs)) : pick(earlier));
    const roles: string[] = [];
    for (const to of targets) {
      const r: Relationship = { kind: "many-to-one", from, to };
      const p = rand();
      if (p < 0.2) r.on_delete = "cascade";
      else if (p < 0.35) Object.assign(r, { required: false, on_delete: "set null" });
      relationships.push(r);
      roles.push(to);
    }
    rolesOf.set(from, roles);
  });

  // Many-to-many: a join table between two ordinary entities, about one per 20 entities.
  const ordinary = names.filter((x) => !appendOnly.has(x));
  const pairs = new Set<string>();
  for (let k = 0; k < Math.max(1, Math.round(n / 20)) && ordinary.length >= 2; k++) {
    const [a, b] = pickSome(ordinary, 2) as [string, string];
    const [from, to] = names.indexOf(a) > names.indexOf(b) ? [a, b] : [b, a];
    const name = `${from}_${to}_links`;
    if (pairs.has(name)) continue;
    pairs.add(name);
    relationships.push({ kind: "many-to-many", from, to, name });
  }

  // Access patterns: about one per 3 entities, on distinct entities.
  const access_patterns: Record<string, AccessPattern> = {};
  for (const entity of pickSome(names, Math.max(1, Math.round(n / 3)))) {
    const roles = rolesOf.get(entity) ?? [];
    const times = timestampsOf.get(entity)!;
    const texts = textsOf.get(entity)!;
    const p = rand();
    if (p < 0.2 && tagged.has(entity)) {
      access_patterns[`${entity}_by_tag`] = { entity, description: `${entity} rows carrying given tags`, contains: ["tags"] };
    } else if (p < 0.4) {
      access_patterns[`${entity}_search`] = { entity, description: `full-text search over ${entity}`, search: texts.slice(0, 2), limit: 20 };
    } else if (roles.length > 0) {
      const role = pick(roles);
      const sort = times.length > 0 && chance(0.7) ? pick(times) : "created_at";
      access_patterns[`${entity}_by_${role}`] = { entity, description: `the ${entity} rows of one ${role}, newest first`, equals: [role], sort: [`${sort} desc`], limit: 50 };
    } else {
      access_patterns[`${entity}_recent`] = { entity, description: `the newest ${entity} rows`, sort: ["created_at desc"], limit: 50 };
    }
  }

  return {
    name: `generated_${n}`,
    description: `A generated business domain of ${n} entities (seed ${seed}) for the design bench`,
    entities,
    relationships,
    access_patterns,
  };
}

/** YAML as the examples are written: one line per field, relationship and access pattern. */
export function specYaml(spec: GeneratedSpec): string {
  const doc = new Document(spec, { aliasDuplicateObjects: false });
  const flow = (node: unknown): void => {
    if (isMap(node) || isSeq(node)) node.flow = true;
  };
  const entities = doc.get("entities");
  if (isMap(entities)) {
    for (const pair of entities.items) {
      const entity = pair.value;
      if (!isMap(entity)) continue;
      for (const item of entity.items) {
        const key = String((item.key as { value?: unknown }).value ?? item.key);
        if (key === "fields" && isMap(item.value)) for (const field of item.value.items) flow(field.value);
        else flow(item.value);
      }
    }
  }
  for (const list of ["relationships", "access_patterns"]) {
    const node = doc.get(list);
    if (isSeq(node)) node.items.forEach(flow);
    if (isMap(node)) node.items.forEach((pair) => flow(pair.value));
  }
  return `# Generated by bench/design-spec-generator.ts; do not edit.\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}`;
}

export function specStats(spec: GeneratedSpec): SpecStats {
  const entities = Object.values(spec.entities);
  return {
    entities: entities.length,
    fields: entities.reduce((k, e) => k + Object.keys(e.fields).length, 0),
    manyToOne: spec.relationships.filter((r) => r.kind === "many-to-one").length,
    manyToMany: spec.relationships.filter((r) => r.kind === "many-to-many").length,
    keys: entities.filter((e) => e.key).length,
    softDelete: entities.filter((e) => e.soft_delete).length,
    appendOnly: entities.filter((e) => e.append_only).length,
    patterns: Object.keys(spec.access_patterns).length,
  };
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  const { values, positionals } = parseArgs({ options: { seed: { type: "string" }, output: { type: "string", short: "o" } }, allowPositionals: true });
  const text = specYaml(generateSpec(Number(positionals[0] ?? 50), Number(values.seed ?? 1)));
  if (values.output) writeFileSync(values.output, text);
  else process.stdout.write(text);
}
