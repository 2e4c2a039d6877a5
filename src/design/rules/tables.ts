import { ident, literal } from "../../sql/ident.js";
import { type DesignBuilder, oneRow } from "../builder.js";
import type { DesignColumn, DesignTable } from "../design-types.js";
import { objectName, pluralName, singularName } from "../names.js";
import type { IdStrategy, ResolvedEntity, ResolvedField, ResolvedJoin } from "../resolve.js";
import { boundChecks, columnShape, type FieldCheck } from "./column-types.js";
import { decidePartitioning } from "./partitioning.js";

/** The SQL type of an id column for a strategy. */
export function idType(strategy: IdStrategy): string {
  return strategy === "identity" ? "bigint" : "uuid";
}

/** A value no row's key has: what an FK violation points at. */
export function missingKey(strategy: IdStrategy): string {
  return strategy === "identity" ? "-1" : "'00000000-0000-0000-0000-000000000000'::uuid";
}

const REPEATING = /^(.*?)_?(\d+)$/;

/** Fields named `x_1, x_2, …` (two or more, same type) are a repeating group. */
function repeatingGroups(fields: readonly ResolvedField[]): Map<string, ResolvedField[]> {
  const groups = new Map<string, ResolvedField[]>();
  for (const f of fields) {
    const m = REPEATING.exec(f.name);
    if (!m || m[1] === "") continue;
    groups.set(m[1]!, [...(groups.get(m[1]!) ?? []), f]);
  }
  for (const [base, members] of groups) {
    if (members.length < 2 || new Set(members.map((f) => f.spec.type)).size > 1) groups.delete(base);
  }
  return groups;
}

/**
 * Builds every entity's table: key, tenant key, foreign-key columns, fields, lifecycle columns; then the child
 * tables of repeating groups and the join tables of many-to-many relationships. Keys and CHECKs are added here,
 * where the column is made; the other constraints come from their own rules.
 */
export function buildTables(b: DesignBuilder): void {
  const { r } = b;
  const referenced = new Set(r.entities.flatMap((e) => e.references.map((x) => x.target.key)));
  for (const j of r.joins) referenced.add(j.left.key).add(j.right.key);
  if (r.tenancy) for (const e of r.entities) if (e.tenantScoped) referenced.add(r.tenancy.entity.key);
  b.decide("naming-conventions", r.schema, `tables ${r.spec.conventions?.tables ?? "plural"} snake_case; keys id; foreign keys {singular}_id; constraints {table}_{columns}_{pkey|key|fkey|check|excl}; indexes {table}_{columns}_idx`, "one convention, PostgreSQL's own default names, so tools and people guess names right");

  for (const e of r.entities) {
    const groups = repeatingGroups(e.fields);
    const grouped = new Set([...groups.values()].flat());
    const partitioning = decidePartitioning(b, e, referenced.has(e.key));
    const table: DesignTable = {
      origin: `entity ${e.key}`,
      name: e.table,
      ...(e.spec.description ? { comment: e.spec.description } : {}),
      columns: [],
      ...(partitioning ? { partitioning } : {}),
    };
    b.tables.push(table);
    if (partitioning) b.partitionKeys.set(e.key, partitioning.key);
    addKey(b, e, table);
    for (const ref of e.references) {
      b.fks.push({ table: table.name, columns: [ref.column], target: ref.target.table, onDelete: ref.onDelete, unique: ref.unique, rule: "fk-actions", why: `${e.key}.${ref.role} → ${ref.target.key}${ref.unique ? " (one-to-one)" : ""}` });
      table.columns.push({ name: ref.column, type: idType(ref.target.id), notNull: ref.required, comment: `${ref.role}: references ${ref.target.table}` });
      if (ref.required) notNull(b, table.name, ref.column, "not-null-required", `the relationship to ${ref.target.key} is required`);
    }
    for (const f of e.fields) if (!grouped.has(f)) addField(b, table, f);
    addLifecycle(b, e, table);
    for (const [base, members] of groups) addRepeatingGroup(b, e, base, members);
  }
  for (const j of r.joins) addJoinTable(b, j);
  if (b.functions.has("audit_row")) addAuditLog(b);
  for (const t of b.tables) {
    const required = b.constraints.filter((c) => c.table === t.name && c.kind === "not-null" && c.rule === "not-null-required").map((c) => c.definition);
    const optional = t.columns.filter((c) => !c.notNull && !c.generated).map((c) => c.name);
    if (required.length === 0) continue;
    b.decide("not-null-required", t.name, `NOT NULL: ${required.join(", ")}${optional.length ? `; nullable: ${optional.join(", ")}` : ""}`, "required by the spec: a missing value is rejected by the database, and readers need not handle NULL; optional fields stay nullable rather than using sentinel values");
  }
}

/** The table the audit trigger writes: one row per change with the old and new row as JSON. */
function addAuditLog(b: DesignBuilder): void {
  const name = "audit_log";
  if (b.tables.some((t) => t.name === name)) throw b.r.parsed.error(["entities"], "an entity's table is called audit_log, the name of the audit table", "rename the entity's table with `table:`");
  b.tables.push({
    origin: "audit trail",
    name,
    comment: "every INSERT, UPDATE and DELETE on audited tables, written by audit_row()",
    columns: [
      { name: "id", type: "bigint", notNull: true, identity: true },
      { name: "table_name", type: "text", notNull: true },
      { name: "operation", type: "text", notNull: true },
      { name: "old_row", type: "jsonb", notNull: false },
      { name: "new_row", type: "jsonb", notNull: false },
      { name: "changed_by", type: "text", notNull: false, default: "current_setting('app.user_id', true)" },
      { name: "changed_at", type: "timestamp with time zone", notNull: true, default: "now()" },
    ],
  });
  b.constraint({ table: name, name: objectName(name, [], "pkey"), kind: "primary-key", definition: "PRIMARY KEY (id)", columns: ["id"], rule: "audit", why: "every table has a primary key" });
  b.constraint({
    table: name,
    name: objectName(name, ["operation"], "check"),
    kind: "check",
    definition: "CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE'))",
    columns: ["operation"],
    rule: "audit",
    why: "the three row operations",
    violation: { sql: `UPDATE ${b.q(name)} SET operation = 'MERGE' WHERE ${oneRow(b, name)}`, sqlstate: "23514" },
  });
}

function addKey(b: DesignBuilder, e: ResolvedEntity, table: DesignTable): void {
  const { r } = b;
  const id: DesignColumn =
    e.id === "identity"
      ? { name: "id", type: "bigint", notNull: true, identity: true }
      : { name: "id", type: "uuid", notNull: true, default: e.id === "uuid" ? "gen_random_uuid()" : `${b.fn("uuid_v7")}()` };
  table.columns.push(id);
  if (e.id === "uuidv7") b.functions.add("uuid_v7");
  b.decide(
    "key-identity",
    `${table.name}.id`,
    e.id === "identity" ? "bigint GENERATED ALWAYS AS IDENTITY" : e.id === "uuid" ? "uuid DEFAULT gen_random_uuid() (v4)" : "uuid v7 (time-ordered)",
    e.id === "identity"
      ? "compact (8 bytes), ordered, and the identity owns its sequence: no serial, no manual ids"
      : e.id === "uuid"
        ? "ids can be made by clients and reveal no counts; random v4 values spread index inserts"
        : "ids can be made by clients, and v7's time prefix keeps index inserts local like a sequence",
  );
  const keyColumns = ["id"];
  if (e.tenantScoped && r.tenancy) {
    table.tenantKey = r.tenancy.key;
    table.columns.push({ name: r.tenancy.key, type: idType(r.tenancy.entity.id), notNull: true, comment: `tenant: references ${r.tenancy.entity.table}` });
    keyColumns.unshift(r.tenancy.key);
    notNull(b, table.name, r.tenancy.key, "tenant-composite-fk", "every tenant-scoped row belongs to a tenant");
    b.fks.push({ table: table.name, columns: [r.tenancy.key], target: r.tenancy.entity.table, onDelete: "restrict", rule: "tenant-composite-fk", why: "the tenant must exist; removing a tenant is a deliberate offboarding, not a cascade" });
    b.decide("tenant-composite-fk", table.name, `primary key (${keyColumns.join(", ")})`, "the tenant key leads the key: foreign keys from other tenant-scoped tables include it, so no row can point at another tenant's row, and the key fits a later distribution by tenant");
  }
  const partitionKey = b.partitionKeys.get(e.key);
  if (partitionKey && !keyColumns.includes(partitionKey)) {
    keyColumns.push(partitionKey);
    b.decide("partition-key-in-pk", table.name, `primary key (${keyColumns.join(", ")})`, `PostgreSQL requires the partition key ${partitionKey} in every primary key and unique constraint of a partitioned table`);
  }
  const name = objectName(table.name, [], "pkey");
  b.constraint({ table: table.name, name, kind: "primary-key", definition: `PRIMARY KEY (${keyColumns.map(ident).join(", ")})`, columns: keyColumns, rule: "key-identity", why: "every table has a primary key" });
}

export function notNull(b: DesignBuilder, table: string, column: string, rule: "not-null-required" | "tenant-composite-fk" | "timestamps", why: string): void {
  b.constraint({
    table,
    name: `${table}.${column} not null`,
    kind: "not-null",
    definition: column,
    columns: [column],
    rule,
    why,
    violation: { sql: `UPDATE ${b.q(table)} SET ${ident(column)} = NULL WHERE ${oneRow(b, table)}`, sqlstate: "23502" },
  });
}

function addField(b: DesignBuilder, table: DesignTable, f: ResolvedField): void {
  const s = f.spec;
  const shape = columnShape(s, f.name);
  let type = shape.type;
  const checks = [...shape.checks, ...boundChecks(s, f.name)];
  if (s.type === "status") type = statusType(b, table, f, checks);
  const defaultSql = s.default_sql ?? (s.default !== undefined ? defaultLiteral(s.default, type) : shape.default);
  table.columns.push({ name: f.name, type, notNull: s.required, ...(defaultSql ? { default: defaultSql } : {}), ...(s.description ? { comment: s.description } : {}) });
  if (shape.rule !== "status-values" && s.type !== "text" && s.type !== "integer" && s.type !== "bigint") {
    b.decide(shape.rule, `${table.name}.${f.name}`, type + (shape.checks.length ? ` CHECK (${shape.checks.map((c) => c.expression).join(") CHECK (")})` : ""), shape.why);
  }
  if (s.required) notNull(b, table.name, f.name, "not-null-required", "required by the spec");
  for (const [i, check] of checks.entries()) {
    const name = objectName(table.name, checks.length > 1 ? [f.name, String(i + 1)] : [f.name], "check");
    b.constraint({
      table: table.name,
      name,
      kind: "check",
      definition: `CHECK (${check.expression})`,
      columns: [f.name],
      rule: check.rule,
      why: check.why,
      ...(check.bad ? { violation: { sql: `UPDATE ${b.q(table.name)} SET ${ident(f.name)} = ${check.bad} WHERE ${oneRow(b, table.name)}`, sqlstate: "23514" } } : {}),
    });
  }
  if (s.type === "money" && s.currency === "per_row") {
    const column = `${f.name}_currency`;
    table.columns.push({ name: column, type: "text", notNull: s.required, comment: `ISO 4217 currency of ${f.name}` });
    if (s.required) notNull(b, table.name, column, "not-null-required", `the currency of ${f.name}`);
    b.constraint({
      table: table.name,
      name: objectName(table.name, [column], "check"),
      kind: "check",
      definition: `CHECK (${ident(column)} ~ '^[A-Z]{3}$')`,
      columns: [column],
      rule: "type-money-numeric",
      why: "the amount's currency, an ISO 4217 code, stored beside it",
      violation: { sql: `UPDATE ${b.q(table.name)} SET ${ident(column)} = 'usd' WHERE ${oneRow(b, table.name)}`, sqlstate: "23514" },
    });
  }
}

function defaultLiteral(value: string | number | boolean, type: string): string {
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") return String(value);
  return type === "text" ? literal(value) : `${literal(value)}::${type}`;
}

/** CHECK … IN, a shared enum, or a lookup table (rule status-values). */
function statusType(b: DesignBuilder, table: DesignTable, f: ResolvedField, checks: FieldCheck[]): string {
  const s = f.spec;
  const subject = `${table.name}.${f.name}`;
  if (s.enum) {
    const values = b.r.spec.enums![s.enum]!;
    const users = b.r.entities.flatMap((e) => e.fields.filter((x) => x.spec.enum === s.enum)).length;
    if (!b.enums.some((e) => e.name === s.enum)) b.enums.push({ name: s.enum, values });
    b.decide("status-values", subject, `enum type ${s.enum} (${values.join(", ")})`, `the set is declared once in enums and used by ${users} field(s): one type keeps them in step; new values are added with ALTER TYPE … ADD VALUE`);
    return `${ident(b.r.schema)}.${ident(s.enum)}`;
  }
  const values = s.values!;
  if (s.lookup || values.length > 20) {
    const lookup = pluralName(`${singularName(table.name)}_${f.name}`);
    if (!b.tables.some((t) => t.name === lookup)) {
      b.tables.push({ origin: `lookup for ${subject}`, name: lookup, columns: [{ name: "code", type: "text", notNull: true }, { name: "label", type: "text", notNull: false }] });
      b.constraint({ table: lookup, name: objectName(lookup, [], "pkey"), kind: "primary-key", definition: "PRIMARY KEY (code)", columns: ["code"], rule: "status-values", why: "the value is the key" });
      b.seeds.push({ table: lookup, sql: `INSERT INTO ${b.q(lookup)} (code) VALUES ${values.map((v) => `(${literal(v)})`).join(", ")} ON CONFLICT DO NOTHING;` });
    }
    b.constraint({
      table: table.name,
      name: objectName(table.name, [f.name], "fkey"),
      kind: "foreign-key",
      definition: `FOREIGN KEY (${ident(f.name)}) REFERENCES ${b.q(lookup)} (code) ON UPDATE CASCADE ON DELETE RESTRICT`,
      columns: [f.name],
      rule: "status-values",
      why: `the value must be a row of ${lookup}`,
      violation: { sql: `UPDATE ${b.q(table.name)} SET ${ident(f.name)} = '(no such value)' WHERE ${oneRow(b, table.name)}`, sqlstate: "23503" },
    });
    b.decide("status-values", subject, `lookup table ${lookup} (${values.length} values) referenced by a foreign key`, s.lookup ? "the spec asks for a lookup table: the values are managed as data and can carry labels" : "more than 20 values: data, not a type");
    return "text";
  }
  checks.push({
    expression: `${ident(f.name)} IN (${values.map(literal).join(", ")})`,
    bad: literal("(no such value)"),
    rule: "status-values",
    why: `one of ${values.join(", ")}`,
  });
  b.decide("status-values", subject, `text CHECK (${f.name} IN (${values.join(", ")}))`, "a small set used by one column: a CHECK is replaced online (NOT VALID, then VALIDATE) when values change, where an enum value cannot be removed");
  return "text";
}

function addLifecycle(b: DesignBuilder, e: ResolvedEntity, table: DesignTable): void {
  const timestamps = e.spec.timestamps ?? b.r.spec.conventions?.timestamps ?? true;
  if (timestamps) {
    table.columns.push({ name: "created_at", type: "timestamp with time zone", notNull: true, default: "now()" });
    notNull(b, table.name, "created_at", "timestamps", "every row records when it was made");
    if (!e.spec.append_only) {
      table.columns.push({ name: "updated_at", type: "timestamp with time zone", notNull: true, default: "now()" });
      table.updatedAt = true;
      b.functions.add("set_updated_at");
      b.decide("timestamps", table.name, "created_at, updated_at (maintained by trigger)", "a default only sets updated_at on INSERT; the BEFORE UPDATE trigger keeps it true whatever client writes the row");
    } else {
      b.decide("timestamps", table.name, "created_at only", "append-only: rows are never updated");
    }
  }
  if (e.spec.soft_delete) {
    table.columns.push({ name: "deleted_at", type: "timestamp with time zone", notNull: false });
    table.softDelete = true;
    b.decide("soft-delete", table.name, "deleted_at timestamptz; unique rules and pattern indexes WHERE deleted_at IS NULL", "deleted rows stay for history and undo, but neither block a new row with the same key nor weigh on the indexes of live rows");
  }
  if (e.spec.audit === "columns") {
    table.columns.push({ name: "created_by", type: "text", notNull: false, default: "current_setting('app.user_id', true)" });
    table.columns.push({ name: "updated_by", type: "text", notNull: false, default: "current_setting('app.user_id', true)" });
    if (table.updatedAt) {
      table.updatedBy = true;
      b.functions.add("set_updated_by");
    }
    b.decide("audit", table.name, "created_by / updated_by from the app.user_id setting", "who made and last changed each row, set by the database from the session, not trusted from the client");
  } else if (e.spec.audit === "table") {
    table.auditTrigger = true;
    b.functions.add("audit_row");
    b.decide("audit", table.name, "every INSERT, UPDATE and DELETE written to audit_log by a trigger", "a full history of changes with the old and new row, who (app.user_id) and when");
  }
}

function addRepeatingGroup(b: DesignBuilder, e: ResolvedEntity, base: string, members: readonly ResolvedField[]): void {
  const parent = b.table(e.table);
  const name = `${singularName(e.table)}_${pluralName(base)}`;
  const parentKey = `${singularName(e.table)}_id`;
  const value = members[0]!;
  const child: DesignTable = { origin: `repeating group ${members.map((m) => m.name).join(", ")} of ${e.key}`, name, columns: [] };
  b.tables.push(child);
  const keyColumns = [...(parent.tenantKey ? [parent.tenantKey] : []), parentKey, "position"];
  if (parent.tenantKey) child.tenantKey = parent.tenantKey;
  if (parent.tenantKey) child.columns.push({ name: parent.tenantKey, type: parent.columns.find((c) => c.name === parent.tenantKey)!.type, notNull: true });
  child.columns.push({ name: parentKey, type: parent.columns.find((c) => c.name === "id")!.type, notNull: true });
  child.columns.push({ name: "position", type: "smallint", notNull: true });
  addField(b, child, { name: base, path: value.path, spec: { ...value.spec, required: true } });
  b.constraint({ table: name, name: objectName(name, [], "pkey"), kind: "primary-key", definition: `PRIMARY KEY (${keyColumns.map(ident).join(", ")})`, columns: keyColumns, rule: "normalize-repeating-group", why: "one value per position of the parent" });
  b.constraint({
    table: name,
    name: objectName(name, ["position"], "check"),
    kind: "check",
    definition: "CHECK (\"position\" >= 1)",
    columns: ["position"],
    rule: "normalize-repeating-group",
    why: "positions count from 1",
    violation: { sql: `UPDATE ${b.q(name)} SET "position" = 0 WHERE ${oneRow(b, name)}`, sqlstate: "23514" },
  });
  b.fks.push({ table: name, columns: [parentKey], target: parent.name, onDelete: "cascade", rule: "normalize-repeating-group", why: `each ${base} belongs to its ${singularName(e.key)}; deleting it deletes its ${pluralName(base)}` });
  b.decide("normalize-repeating-group", `${e.table}: ${members.map((m) => m.name).join(", ")}`, `child table ${name} (${parentKey}, position, ${base})`, `numbered fields are a repeating group (not in 1NF): a fixed number of slots, queries that must check each one; one row per value has neither problem`);
}

function addJoinTable(b: DesignBuilder, j: ResolvedJoin): void {
  const left = b.table(j.left.table);
  const right = b.table(j.right.table);
  const tenantKey = left.tenantKey && right.tenantKey ? left.tenantKey : undefined;
  const table: DesignTable = { origin: `many-to-many ${j.left.key} ↔ ${j.right.key}`, name: j.table, columns: [] };
  if (tenantKey) table.tenantKey = tenantKey;
  b.tables.push(table);
  if (tenantKey) table.columns.push({ name: tenantKey, type: left.columns.find((c) => c.name === tenantKey)!.type, notNull: true });
  table.columns.push({ name: j.leftColumn, type: idType(j.left.id), notNull: true });
  table.columns.push({ name: j.rightColumn, type: idType(j.right.id), notNull: true });
  for (const f of j.fields) addField(b, table, f);
  table.columns.push({ name: "created_at", type: "timestamp with time zone", notNull: true, default: "now()" });
  const keyColumns = [...(tenantKey ? [tenantKey] : []), j.leftColumn, j.rightColumn];
  b.constraint({ table: j.table, name: objectName(j.table, [], "pkey"), kind: "primary-key", definition: `PRIMARY KEY (${keyColumns.map(ident).join(", ")})`, columns: keyColumns, rule: "normalize-many-to-many", why: "a pair is linked once" });
  b.fks.push({ table: j.table, columns: [j.leftColumn], target: left.name, onDelete: "cascade", rule: "normalize-many-to-many", why: `a link goes with its ${singularName(j.left.key)}` });
  b.fks.push({ table: j.table, columns: [j.rightColumn], target: right.name, onDelete: "cascade", rule: "normalize-many-to-many", why: `a link goes with its ${singularName(j.right.key)}` });
  b.decide("normalize-many-to-many", j.table, `join table (${keyColumns.join(", ")})${j.fields.length ? ` with ${j.fields.map((f) => f.name).join(", ")}` : ""}`, `many ${j.left.table} relate to many ${j.right.table}: a row per pair keeps each fact once (BCNF), with a composite primary key that also prevents duplicate links`);
}
