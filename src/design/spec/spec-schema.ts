import { z } from "zod";

/**
 * The design spec: the one source of truth for its TypeScript types, its validation (unknown keys are errors) and
 * the JSON Schema editors use (`schema/design-spec.schema.json`, written by `npm run schema:json`).
 */

/** Semantic field types; each maps to a PostgreSQL type and constraints by a named rule (see `rules/types.ts`). */
export const FIELD_TYPES = [
  "text", "email", "url", "phone", "slug", "country", "currency",
  "money", "quantity", "integer", "bigint", "decimal", "percentage", "float",
  "status", "boolean", "date", "timestamp", "time", "duration", "period", "date_period",
  "json", "document", "tags", "array", "uuid", "ip", "bytes", "geo_point",
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

const name = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "a name: letters, digits and _, not starting with a digit");
const nameList = z.array(name).min(1);

export const fieldSchema = z
  .strictObject({
    type: z.enum(FIELD_TYPES).describe("semantic type: decides the column type and its CHECKs"),
    required: z.boolean().optional().describe("NOT NULL (default true; `text?` in the short form means false)"),
    unique: z.boolean().optional().describe("a UNIQUE constraint (ignoring soft-deleted rows)"),
    case_insensitive: z.boolean().optional().describe("uniqueness and lookups on lower(value) (default true for email)"),
    default: z.union([z.string(), z.number(), z.boolean()]).optional().describe("a constant default value"),
    default_sql: z.string().optional().describe("a default given as an SQL expression, e.g. now()"),
    values: z.array(z.string()).min(1).optional().describe("status: the allowed values"),
    enum: name.optional().describe("status: the name of a shared set in `enums`"),
    lookup: z.boolean().optional().describe("status: a lookup table instead of a CHECK"),
    min: z.number().optional(),
    max: z.number().optional(),
    min_length: z.number().int().nonnegative().optional(),
    max_length: z.number().int().positive().optional().describe("a real limit of the domain (CHECK on char_length)"),
    pattern: z.string().optional().describe("a POSIX regular expression the value must match"),
    precision: z.number().int().min(1).max(1000).optional().describe("money/decimal: total digits"),
    scale: z.number().int().min(0).max(1000).optional().describe("money/decimal: digits after the point"),
    currency: z.string().optional().describe("money: a fixed ISO 4217 code (EUR), or `per_row` for a currency column"),
    of: z.enum(["text", "integer", "bigint", "uuid", "date"]).optional().describe("array/tags: the element type"),
    description: z.string().optional().describe("becomes the column comment"),
  })
  .describe("a field of an entity");

/** The short form of a field: its type, `?` when optional (`email`, `text?`). */
export const SHORT_FIELD = new RegExp(`^(${FIELD_TYPES.join("|")})\\??$`);

/** `email`, or `text?` (optional), or the full object. */
export const fieldSpecSchema = z.union([z.string().regex(SHORT_FIELD, "a field type, `?` when optional"), fieldSchema]);

const duration = z.string().regex(/^\d+\s*(day|week|month|year)s?$/, "a duration such as `90 days`, `6 months` or `2 years`");

export const scaleSchema = z.strictObject({
  rows: z.number().int().nonnegative().optional().describe("rows now"),
  growth_per_day: z.number().nonnegative().optional().describe("rows added per day"),
  retention: duration.optional().describe("how long rows are kept, e.g. `13 months`"),
});

export const partitionSchema = z.strictObject({
  by: z.enum(["range", "list", "hash"]),
  key: name.describe("the partition column"),
  interval: z.enum(["day", "week", "month", "year"]).optional().describe("range: the period of one partition (default month)"),
  start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD").optional().describe("range: the first partition's start"),
  ahead: z.number().int().min(0).max(60).optional().describe("range: partitions created past the start (default 3)"),
  values: z.record(name, z.array(z.string()).min(1)).optional().describe("list: partition name → values"),
  modulus: z.number().int().min(2).max(1024).optional().describe("hash: number of partitions (default 8)"),
});

export const noOverlapSchema = z.strictObject({
  period: z.union([name, z.tuple([name, name])]).describe("a period field, or [start, end] fields"),
  per: z.array(name).optional().describe("fields that scope the rule, e.g. [room]"),
});

export const entitySchema = z.strictObject({
  table: name.optional().describe("the table name (default: the plural snake_case of the entity's name)"),
  description: z.string().optional(),
  fields: z.record(name, fieldSpecSchema).default({}),
  key: nameList.optional().describe("the natural key: a UNIQUE constraint"),
  unique: z.array(nameList).optional().describe("more UNIQUE field sets"),
  checks: z
    .array(z.strictObject({ name: name.optional(), sql: z.string(), why: z.string().optional() }))
    .optional()
    .describe("CHECK constraints given as SQL over the fields"),
  no_overlap: z.array(noOverlapSchema).optional().describe("EXCLUDE constraints: periods that must not overlap"),
  soft_delete: z.boolean().optional().describe("a deleted_at column; uniques and indexes ignore deleted rows"),
  audit: z.enum(["columns", "table"]).optional().describe("created_by/updated_by columns, or an audit log table"),
  timestamps: z.boolean().optional().describe("created_at / updated_at (default: conventions.timestamps)"),
  append_only: z.boolean().optional().describe("rows are inserted, never updated (no updated_at; BRIN on time)"),
  time_series: z.strictObject({ time: name }).optional().describe("rows keyed by time: partitioning and BRIN"),
  scale: scaleSchema.optional(),
  partition: z.union([z.literal(false), partitionSchema]).optional().describe("force or forbid partitioning"),
  tenant_scoped: z.boolean().optional().describe("false for global tables in a multi-tenant spec"),
  id: z.enum(["identity", "uuid", "uuidv7"]).optional().describe("this entity's id strategy"),
});

export const RELATIONSHIP_KINDS = ["many-to-one", "one-to-many", "one-to-one", "many-to-many"] as const;
export const ON_DELETE = ["restrict", "cascade", "set null", "no action"] as const;

export const relationshipSchema = z.strictObject({
  kind: z.enum(RELATIONSHIP_KINDS),
  from: name.describe("entity"),
  to: name.describe("entity"),
  name: name.optional().describe("the role: the FK is `<name>_id` (default: the singular of `to`); M:N: the join table"),
  required: z.boolean().optional().describe("the FK is NOT NULL (default true)"),
  on_delete: z.enum(ON_DELETE).optional().describe("default restrict (cascade for M:N join rows)"),
  fields: z.record(name, fieldSpecSchema).optional().describe("many-to-many: the join table's own fields"),
  description: z.string().optional(),
});

export const accessPatternSchema = z.strictObject({
  entity: name,
  description: z.string().optional(),
  equals: z.array(name).optional().describe("fields compared with ="),
  range: z.array(name).optional().describe("fields compared with <, >, BETWEEN"),
  sort: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*( (asc|desc))?$/i, "`field` or `field desc`")).optional(),
  where: z.string().optional().describe("a fixed SQL predicate: the index is partial"),
  contains: z.array(name).optional().describe("array / JSON containment (@>)"),
  search: z.array(name).optional().describe("full-text search over these text fields"),
  near: name.optional().describe("a geo_point field: nearest / within distance"),
  overlaps: name.optional().describe("a period field: overlapping periods"),
  select: z.array(name).optional().describe("the fields read: a covering index when few"),
  limit: z.number().int().positive().optional(),
  per_second: z.number().positive().optional().describe("how often it runs"),
  max_ms: z.number().positive().optional().describe("how fast it must be"),
});

export const tenancySchema = z.strictObject({
  entity: name.describe("the tenants entity (a global table)"),
  key: name.optional().describe("the tenant column (default `<singular entity>_id`)"),
  setting: z.string().regex(/^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/, "a custom setting such as app.tenant_id").optional(),
  role: name.optional().describe("the application role the policies apply to (default app_user)"),
  rls: z.boolean().optional().describe("Row-Level Security (default true)"),
});

export const conventionsSchema = z.strictObject({
  ids: z.enum(["identity", "uuid", "uuidv7"]).optional().describe("default id strategy (bigint identity)"),
  tables: z.enum(["plural", "singular"]).optional().describe("table names (default plural)"),
  timestamps: z.boolean().optional().describe("created_at / updated_at on every table (default true)"),
});

export const specSchema = z
  .strictObject({
    name: z.string().min(1).describe("the product or schema name"),
    description: z.string().optional(),
    schema: name.optional().describe("PostgreSQL schema (default public)"),
    extensions: z.array(z.enum(["postgis", "pg_trgm", "citext", "btree_gist", "pgcrypto"])).optional(),
    conventions: conventionsSchema.optional(),
    tenancy: tenancySchema.optional(),
    enums: z.record(name, z.array(z.string()).min(1)).optional().describe("value sets shared by several fields"),
    entities: z.record(name, entitySchema),
    relationships: z.array(relationshipSchema).optional(),
    access_patterns: z.record(name, accessPatternSchema).optional(),
  })
  .describe("pg-schema design spec");

export type Spec = z.infer<typeof specSchema>;
export type EntitySpec = z.infer<typeof entitySchema>;
export type FieldSpec = z.infer<typeof fieldSchema>;
export type RelationshipSpec = z.infer<typeof relationshipSchema>;
export type AccessPatternSpec = z.infer<typeof accessPatternSchema>;
export type TenancySpec = z.infer<typeof tenancySchema>;
export type PartitionSpec = z.infer<typeof partitionSchema>;
export type ScaleSpec = z.infer<typeof scaleSchema>;
