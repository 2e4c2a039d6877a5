/**
 * The design rules: each decision in a design names one of these, and the report cites it with its reason. The
 * list is closed: a rule added here without documentation fails to compile.
 */
export const DESIGN_RULES = {
  "naming-conventions": "Tables plural snake_case, `id` keys, `{singular}_id` foreign keys, PostgreSQL's own `{table}_{columns}_{pkey|key|fkey|check|excl|idx}` object names, shortened as the server would.",
  "key-identity": "Surrogate keys are `bigint GENERATED ALWAYS AS IDENTITY` (not serial: no separate sequence to grant or forget, no manual inserts) unless the spec asks for UUIDs (v4 `gen_random_uuid()`, or time-ordered v7 for index locality).",
  "type-timestamptz": "Points in time are `timestamptz`: stored as UTC, displayed in the session's zone; `timestamp` silently loses the offset.",
  "type-money-numeric": "Money is `numeric(p,s)`: exact decimal arithmetic. Never `float` (binary rounding) and never `money` (depends on lc_monetary, one currency).",
  "type-text-check": "Strings are `text`; formats (email, URL, phone, slug, codes) and real length limits are CHECK constraints, which can change without a table rewrite, where `varchar(n)` only limits length.",
  "type-numeric-range": "Quantities, percentages and bounded numbers get CHECKs for their ranges.",
  "type-jsonb": "Documents are `jsonb` (indexable, deduplicated keys), kept for sparse or schemaless attributes; a CHECK keeps them objects, and a GIN index is added only when a pattern queries inside them.",
  "status-values": "A closed set of values is a CHECK … IN (…) on text by default (easy to extend online); a native enum when the same set is shared by several columns; a lookup table when the set is managed as data or large.",
  "not-null-required": "Required fields are NOT NULL; optional ones stay nullable. Booleans and arrays get a default so NOT NULL costs writers nothing.",
  "unique-natural-key": "A natural key (and each `unique` field set) is a UNIQUE constraint, so duplicates are impossible rather than unlikely; case-insensitive text is unique on lower(value).",
  "check-constraints": "CHECK constraints given in the spec are kept, named and exercised.",
  "fk-actions": "Every relationship is a FOREIGN KEY with the ON DELETE action the spec states (RESTRICT by default: deleting a parent should be a decision).",
  "normalize-many-to-many": "A many-to-many relationship is a join table with a composite primary key of both foreign keys (BCNF: no fact stored twice) and its own fields.",
  "normalize-repeating-group": "Numbered fields (`phone_1`, `phone_2`, …) are a repeating group (not 1NF): they become a child table with one row per value.",
  "timestamps": "`created_at` / `updated_at timestamptz NOT NULL DEFAULT now()`, with a trigger that really maintains `updated_at` on every UPDATE (append-only tables get `created_at` only).",
  "soft-delete": "`deleted_at timestamptz` marks deleted rows; unique rules and access-pattern indexes are partial (`WHERE deleted_at IS NULL`) so deleted rows neither block new ones nor bloat hot indexes.",
  "audit": "Audit as `created_by` / `updated_by` columns filled from the `app.user_id` setting, or as an `audit_log` table written by a trigger with the old and new row.",
  "exclude-no-overlap": "Periods that must not overlap are an EXCLUDE constraint using GiST (with btree_gist for the scalar scope columns), so the database, not application code, prevents double bookings.",
  "index-access-pattern": "Each access pattern gets a B-tree index: equality columns first, then the range column, then the sort columns; INCLUDE for a few selected columns (index-only scans); partial for a fixed predicate.",
  "index-gin": "Array and JSONB containment and full-text search use GIN indexes (full text over a generated `tsvector` column).",
  "index-gist": "Geo and period lookups (nearest, overlaps) use GiST indexes.",
  "index-brin": "Large append-only tables get a BRIN index on their time column: a few pages instead of a B-tree that grows with every row.",
  "index-foreign-key": "Every foreign key's columns lead some index, so joins from the parent and ON DELETE checks do not scan the child table.",
  "index-no-redundant": "No index is a prefix of another with the same predicate, and none repeats a primary key or unique constraint.",
  "partition-range-time": "Time-series or retained append-only tables at scale are RANGE partitioned on their time column, with the next periods and a DEFAULT partition; retention becomes DROP/DETACH of old partitions instead of DELETE.",
  "partition-list": "A LIST partitioning is used where the spec asks for it (e.g. by region), with a DEFAULT partition.",
  "partition-hash": "Very large tables without a time axis are HASH partitioned on their key for an even spread.",
  "partition-none": "A table stays unpartitioned when its scale does not call for it or another table references it (a foreign key to a partitioned table must include the partition key).",
  "partition-key-in-pk": "A partitioned table's primary key and unique constraints include the partition key (PostgreSQL requires it).",
  "rls-tenant": "Multi-tenant tables get ENABLE and FORCE ROW LEVEL SECURITY with one policy per command on the tenant key, read from a setting; the application role is granted the tables and no table has RLS without a policy.",
  "tenant-composite-fk": "In a multi-tenant schema the tenant key leads every tenant-scoped primary key, and foreign keys between tenant-scoped tables include it, so a row cannot reference another tenant's row.",
} as const;

export type DesignRuleId = keyof typeof DESIGN_RULES;

export const DESIGN_RULE_IDS = Object.keys(DESIGN_RULES) as DesignRuleId[];
