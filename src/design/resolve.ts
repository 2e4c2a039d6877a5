import { didYouMean } from "../util/did-you-mean.js";
import { pluralName, singularName, snakeCase } from "./names.js";
import type { ParsedSpec, SpecPath } from "./spec/parse-spec.js";
import type { EntitySpec, FieldSpec, FieldType, RelationshipSpec, Spec } from "./spec/spec-schema.js";

/** A field in its full form, with `required` decided. */
export interface ResolvedField {
  readonly name: string;
  readonly path: SpecPath;
  readonly spec: FieldSpec & { readonly required: boolean };
}

export type IdStrategy = "identity" | "uuid" | "uuidv7";

/** A foreign key an entity holds, from a relationship. */
export interface ResolvedReference {
  readonly column: string;
  readonly target: ResolvedEntity;
  readonly required: boolean;
  readonly onDelete: NonNullable<RelationshipSpec["on_delete"]>;
  /** one-to-one: the FK column is unique. */
  readonly unique: boolean;
  readonly path: SpecPath;
  /** The relationship's role name (`author` for `author_id`). */
  readonly role: string;
}

export interface ResolvedJoin {
  readonly table: string;
  readonly left: ResolvedEntity;
  readonly right: ResolvedEntity;
  readonly leftColumn: string;
  readonly rightColumn: string;
  readonly fields: readonly ResolvedField[];
  readonly path: SpecPath;
}

export interface ResolvedEntity {
  readonly key: string;
  readonly table: string;
  readonly path: SpecPath;
  readonly spec: EntitySpec;
  readonly fields: ResolvedField[];
  readonly id: IdStrategy;
  tenantScoped: boolean;
  readonly references: ResolvedReference[];
}

export interface ResolvedSpec {
  readonly parsed: ParsedSpec;
  readonly spec: Spec;
  readonly schema: string;
  readonly entities: readonly ResolvedEntity[];
  readonly byKey: ReadonlyMap<string, ResolvedEntity>;
  readonly joins: readonly ResolvedJoin[];
  readonly tenancy?: {
    readonly entity: ResolvedEntity;
    readonly key: string;
    readonly setting: string;
    readonly role: string;
    readonly rls: boolean;
  };
}

/** `text?` → optional text; objects get `required` (default true). */
export function resolveField(name: string, spec: string | FieldSpec, path: SpecPath): ResolvedField {
  if (typeof spec === "string") {
    const optional = spec.endsWith("?");
    return { name: snakeCase(name), path, spec: { type: spec.replace(/\?$/, "") as FieldType, required: !optional } };
  }
  return { name: snakeCase(name), path, spec: { ...spec, required: spec.required ?? true } };
}

/**
 * Names every table and column, turns relationships into foreign-key columns and join tables, and checks every
 * reference (entities, fields) with a "did you mean". Errors point at the spec line.
 */
export function resolveSpec(parsed: ParsedSpec): ResolvedSpec {
  const { spec } = parsed;
  const tableStyle = spec.conventions?.tables ?? "plural";
  const entities: ResolvedEntity[] = Object.entries(spec.entities).map(([key, e]) => ({
    key,
    table: e.table ?? (tableStyle === "plural" ? pluralName(key) : singularName(key)),
    path: ["entities", key],
    spec: e,
    fields: Object.entries(e.fields).map(([name, f]) => resolveField(name, f, ["entities", key, "fields", name])),
    id: e.id ?? spec.conventions?.ids ?? "identity",
    tenantScoped: false,
    references: [],
  }));
  const byKey = new Map(entities.map((e) => [e.key, e]));
  const tables = new Map<string, SpecPath>();
  for (const e of entities) {
    if (tables.has(e.table)) throw parsed.error(e.path, `entity "${e.key}" gets table name "${e.table}", which another entity already has`, "set `table:` on one of them");
    tables.set(e.table, e.path);
  }
  const entity = (name: string, path: SpecPath): ResolvedEntity => {
    const found = byKey.get(name) ?? entities.find((e) => e.table === name);
    if (found) return found;
    const near = didYouMean(name, byKey.keys());
    throw parsed.error(path, `unknown entity "${name}"`, near ? `did you mean "${near}"?` : `entities: ${[...byKey.keys()].join(", ")}`);
  };

  for (const e of entities) checkEntityOptions(parsed, e);

  const joins: ResolvedJoin[] = [];
  for (const [i, r] of (spec.relationships ?? []).entries()) {
    const path: SpecPath = ["relationships", i];
    const from = entity(r.from, [...path, "from"]);
    const to = entity(r.to, [...path, "to"]);
    if (r.fields && r.kind !== "many-to-many") throw parsed.error([...path, "fields"], "only a many-to-many relationship has fields of its own (its join table)", "put the fields on an entity");
    if (r.kind === "many-to-many") {
      const self = from === to;
      const left = `${singularName(from.key)}_id`;
      const right = self ? `${r.name ? singularName(r.name) : `related_${singularName(to.key)}`}_id` : `${singularName(to.key)}_id`;
      joins.push({
        table: r.name && !self ? snakeCase(r.name) : `${singularName(from.table)}_${self && r.name ? snakeCase(r.name) : to.table}`,
        left: from,
        right: to,
        leftColumn: left,
        rightColumn: right,
        fields: Object.entries(r.fields ?? {}).map(([n, f]) => resolveField(n, f, [...path, "fields", n])),
        path,
      });
      continue;
    }
    const [holder, target] = r.kind === "one-to-many" ? [to, from] : [from, to];
    const role = snakeCase(r.name ?? singularName(target.key));
    const required = r.required ?? true;
    const onDelete = r.on_delete ?? "restrict";
    if (onDelete === "set null" && required) throw parsed.error([...path, "on_delete"], "on_delete: set null needs an optional relationship", "add `required: false`, or choose restrict or cascade");
    if (holder === target && required) throw parsed.error(path, `a self-reference of "${holder.key}" must be optional (required: false): the first row has nothing to point at`);
    const column = `${role}_id`;
    if (holder.fields.some((f) => f.name === column) || holder.references.some((x) => x.column === column)) {
      throw parsed.error(path, `"${holder.key}" already has a column ${column}`, "give the relationship a `name:`");
    }
    holder.references.push({ column, target, required, onDelete, unique: r.kind === "one-to-one", path, role });
  }

  let tenancy: ResolvedSpec["tenancy"];
  if (spec.tenancy) {
    const t = spec.tenancy;
    const tenantEntity = entity(t.entity, ["tenancy", "entity"]);
    const key = t.key ?? `${singularName(tenantEntity.key)}_id`;
    tenancy = { entity: tenantEntity, key, setting: t.setting ?? "app.tenant_id", role: t.role ?? "app_user", rls: t.rls ?? true };
    for (const e of entities) e.tenantScoped = e !== tenantEntity && e.spec.tenant_scoped !== false;
    for (const e of entities) {
      // A reference to the tenants entity from a tenant-scoped one is the tenant key itself.
      for (const ref of [...e.references]) {
        if (ref.target === tenantEntity && e.tenantScoped) e.references.splice(e.references.indexOf(ref), 1);
      }
      for (const ref of e.references) {
        if (!e.tenantScoped && ref.target.tenantScoped) {
          throw parsed.error(ref.path, `global entity "${e.key}" cannot reference tenant-scoped "${ref.target.key}": its rows belong to no tenant`, `mark "${e.key}" tenant-scoped or "${ref.target.key}" tenant_scoped: false`);
        }
      }
    }
  } else {
    for (const e of entities) {
      if (e.spec.tenant_scoped !== undefined) throw parsed.error([...e.path, "tenant_scoped"], "tenant_scoped needs a `tenancy:` section");
    }
  }

  const resolved: ResolvedSpec = { parsed, spec, schema: spec.schema ?? "public", entities, byKey, joins, ...(tenancy ? { tenancy } : {}) };
  checkPatterns(resolved);
  return resolved;
}

function checkEntityOptions(parsed: ParsedSpec, e: ResolvedEntity): void {
  const fieldNames = new Set(e.fields.map((f) => f.name));
  const field = (name: string, path: SpecPath): void => {
    if (fieldNames.has(snakeCase(name))) return;
    const near = didYouMean(name, fieldNames);
    throw parsed.error(path, `"${e.key}" has no field "${name}"`, near ? `did you mean "${near}"?` : `fields: ${[...fieldNames].join(", ")}`);
  };
  for (const f of e.fields) {
    const s = f.spec;
    const at = (k: string): SpecPath => [...f.path, k];
    if (["id", "created_at", "updated_at", "deleted_at"].includes(f.name)) throw parsed.error(f.path, `field "${f.name}" is added by the design`, "remove it; see conventions and soft_delete");
    if ((s.values || s.enum || s.lookup) && s.type !== "status") throw parsed.error(at(s.values ? "values" : s.enum ? "enum" : "lookup"), `values/enum/lookup belong to a status field, not ${s.type}`);
    if (s.type === "status" && !s.values && !s.enum) throw parsed.error(f.path, `status field "${f.name}" needs values: [...] or enum: <name>`);
    if (s.values && s.enum) throw parsed.error(at("enum"), "give either values or enum, not both");
    if (s.enum && !parsed.spec.enums?.[s.enum]) {
      const near = didYouMean(s.enum, Object.keys(parsed.spec.enums ?? {}));
      throw parsed.error(at("enum"), `unknown enum "${s.enum}"`, near ? `did you mean "${near}"?` : "declare it under `enums:`");
    }
    if (s.min !== undefined && s.max !== undefined && s.min > s.max) throw parsed.error(at("min"), `min ${s.min} is greater than max ${s.max}`);
    if (s.min_length !== undefined && s.max_length !== undefined && s.min_length > s.max_length) throw parsed.error(at("min_length"), "min_length is greater than max_length");
    if (s.scale !== undefined && s.precision !== undefined && s.scale > s.precision) throw parsed.error(at("scale"), "scale is greater than precision");
    if (s.currency !== undefined && s.type !== "money") throw parsed.error(at("currency"), "currency belongs to a money field");
    if (s.currency !== undefined && s.currency !== "per_row" && !/^[A-Z]{3}$/.test(s.currency)) throw parsed.error(at("currency"), `currency "${s.currency}" is not an ISO 4217 code (EUR) or per_row`);
    if (s.of !== undefined && s.type !== "array" && s.type !== "tags") throw parsed.error(at("of"), "`of` belongs to an array field");
    if (s.default !== undefined && s.default_sql !== undefined) throw parsed.error(at("default_sql"), "give either default or default_sql, not both");
    if (s.values && s.default !== undefined && !s.values.includes(String(s.default))) throw parsed.error(at("default"), `default "${s.default}" is not one of the values`);
    if (s.type === "geo_point" && !(parsed.spec.extensions ?? []).includes("postgis")) throw parsed.error(at("type"), "geo_point needs PostGIS", "add `extensions: [postgis]` to the spec");
  }
  for (const [i, key] of (e.spec.key ?? []).entries()) field(key, [...e.path, "key", i]);
  for (const [i, set] of (e.spec.unique ?? []).entries()) for (const [j, f] of set.entries()) field(f, [...e.path, "unique", i, j]);
  for (const [i, o] of (e.spec.no_overlap ?? []).entries()) {
    const period = Array.isArray(o.period) ? o.period : [o.period];
    for (const [j, p] of period.entries()) field(p, [...e.path, "no_overlap", i, "period", ...(Array.isArray(o.period) ? [j] : [])]);
  }
  if (e.spec.time_series) field(e.spec.time_series.time, [...e.path, "time_series", "time"]);
  if (e.spec.append_only && e.spec.soft_delete) throw parsed.error([...e.path, "soft_delete"], "an append-only entity cannot be soft-deleted (that is an update)");
  if (e.spec.partition && e.spec.partition.by === "list" && !e.spec.partition.values) throw parsed.error([...e.path, "partition"], "a list partitioning needs values: {partition: [values]}");
}

/** Every field an access pattern names must exist on its entity (fields, FK columns or roles, or design columns). */
function checkPatterns(r: ResolvedSpec): void {
  for (const [name, p] of Object.entries(r.spec.access_patterns ?? {})) {
    const path: SpecPath = ["access_patterns", name];
    const e = r.byKey.get(p.entity) ?? r.entities.find((x) => x.table === p.entity);
    if (!e) {
      const near = didYouMean(p.entity, r.byKey.keys());
      throw r.parsed.error([...path, "entity"], `unknown entity "${p.entity}"`, near ? `did you mean "${near}"?` : undefined);
    }
    const lists: [string, readonly string[] | undefined][] = [
      ["equals", p.equals], ["range", p.range], ["contains", p.contains], ["search", p.search], ["select", p.select],
      ["sort", p.sort?.map((s) => s.split(" ")[0]!)], ["near", p.near ? [p.near] : undefined], ["overlaps", p.overlaps ? [p.overlaps] : undefined],
    ];
    for (const [key, names] of lists) {
      for (const [i, n] of (names ?? []).entries()) {
        if (patternColumn(r, e, n) !== undefined) continue;
        const candidates = entityColumnNames(r, e);
        const near = didYouMean(n, [...e.references.map((x) => x.role), ...candidates]);
        const at: SpecPath = key === "near" || key === "overlaps" ? [...path, key] : [...path, key, i];
        throw r.parsed.error(at, `"${e.key}" has no field "${n}"`, near ? `did you mean "${near}"?` : `fields: ${candidates.join(", ")}`);
      }
    }
    if ((p.range?.length ?? 0) > 1) throw r.parsed.error([...path, "range", 1], "an index serves one range column; the others are filtered", "keep the most selective range field");
  }
}

/** Column names an access pattern may use on an entity. */
export function entityColumnNames(r: ResolvedSpec, e: ResolvedEntity): string[] {
  const timestamps = e.spec.timestamps ?? r.spec.conventions?.timestamps ?? true;
  return [
    "id",
    ...e.fields.map((f) => f.name),
    ...e.references.map((x) => x.column),
    ...(timestamps ? ["created_at", ...(e.spec.append_only ? [] : ["updated_at"])] : []),
    ...(e.spec.soft_delete ? ["deleted_at"] : []),
    ...(e.tenantScoped && r.tenancy ? [r.tenancy.key] : []),
  ];
}

/** A pattern's field name as a column: a field, an FK column, or an FK's role (`customer` → `customer_id`). */
export function patternColumn(r: ResolvedSpec, e: ResolvedEntity, name: string): string | undefined {
  const snake = snakeCase(name);
  const columns = entityColumnNames(r, e);
  if (columns.includes(snake)) return snake;
  const ref = e.references.find((x) => x.role === snake);
  if (ref) return ref.column;
  if (r.tenancy && e.tenantScoped && (snake === singularName(r.tenancy.entity.key) || snake === r.tenancy.entity.key)) return r.tenancy.key;
  return undefined;
}
