import { dollarQuoted, ident, identList, literal, qualified, role } from "../sql/ident.js";
import type { Design, DesignColumn, DesignIndex, DesignTable } from "./design-types.js";

/** The bodies of the helper functions, by name. */
function helperFunction(schema: string, name: Design["functions"][number]): string {
  const fn = qualified(schema, name);
  switch (name) {
    case "set_updated_at":
      return `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS ${dollarQuoted("\nBEGIN\n  NEW.updated_at := now();\n  RETURN NEW;\nEND\n")};`;
    case "set_updated_by":
      return `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS ${dollarQuoted("\nBEGIN\n  NEW.updated_by := current_setting('app.user_id', true);\n  RETURN NEW;\nEND\n")};`;
    case "audit_row":
      return `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS ${dollarQuoted(
        `\nBEGIN\n  INSERT INTO ${qualified(schema, "audit_log")} (table_name, operation, old_row, new_row)\n  VALUES (TG_TABLE_NAME, TG_OP,\n          CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END,\n          CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END);\n  RETURN NULL;\nEND\n`,
      )};`;
    case "uuid_v7":
      // RFC 9562 version 7: 48 bits of Unix milliseconds, then random bits; works on PostgreSQL 13+ (18 has uuidv7()).
      return `CREATE FUNCTION ${fn}() RETURNS uuid LANGUAGE sql VOLATILE AS ${dollarQuoted(
        "\n  SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid\n",
      )};`;
  }
}

function columnSql(c: DesignColumn): string {
  const parts = [ident(c.name), c.type];
  if (c.identity) parts.push("GENERATED ALWAYS AS IDENTITY");
  if (c.generated) parts.push(`GENERATED ALWAYS AS (${c.generated}) STORED`);
  if (c.default !== undefined) parts.push(`DEFAULT ${c.default}`);
  if (c.notNull) parts.push("NOT NULL");
  return parts.join(" ");
}

/** CREATE INDEX text of a designed index (plain, not CONCURRENTLY: the DDL builds an empty schema). */
export function indexSql(design: Pick<Design, "schema">, i: DesignIndex): string {
  const keys = i.keys.map((k, n) => (i.opclass && n === i.keys.length - 1 ? `${k} ${i.opclass}` : k)).join(", ");
  const include = i.include?.length ? ` INCLUDE (${identList(i.include)})` : "";
  const where = i.where ? ` WHERE ${i.where}` : "";
  return `CREATE ${i.unique ? "UNIQUE " : ""}INDEX ${ident(i.name)} ON ${qualified(design.schema, i.table)}${i.method === "btree" ? "" : ` USING ${i.method}`} (${keys})${include}${where};`;
}

function tableSql(design: Design, t: DesignTable): string[] {
  const q = qualified(design.schema, t.name);
  const constraints = design.constraints.filter((c) => c.table === t.name && c.kind !== "not-null" && c.kind !== "foreign-key" && !c.asIndex);
  const lines = [...t.columns.map(columnSql), ...constraints.map((c) => `CONSTRAINT ${ident(c.name)} ${c.definition}`)];
  const partition = t.partitioning ? ` PARTITION BY ${t.partitioning.strategy.toUpperCase()} (${ident(t.partitioning.key)})` : "";
  const out = [`-- ${t.origin}\nCREATE TABLE ${q} (\n  ${lines.join(",\n  ")}\n)${partition};`];
  for (const p of t.partitioning?.partitions ?? []) out.push(`CREATE TABLE ${qualified(design.schema, p.name)} PARTITION OF ${q} ${p.bound};`);
  return out;
}

/**
 * The designed schema as one SQL script, in dependency order: extensions, schema, roles, functions, types, tables
 * with their keys and CHECKs, foreign keys, indexes, triggers, Row-Level Security, grants, comments, lookup rows.
 */
export function designToSql(design: Design): string {
  const s = design.schema;
  const q = (name: string): string => qualified(s, name);
  const out: string[] = [`-- ${design.name}: designed by pg-schema (every statement below ran on PostgreSQL before it was printed)`];
  if (s !== "public") out.push(`CREATE SCHEMA IF NOT EXISTS ${ident(s)};`);
  for (const e of design.extensions) out.push(`CREATE EXTENSION IF NOT EXISTS ${ident(e)};`);
  for (const r of design.roles) {
    out.push(`-- the application role (roles belong to the cluster: created once, NOLOGIN; grant it to the role the app logs in as)\nDO ${dollarQuoted(`\nBEGIN\n  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = ${literal(r)}) THEN\n    CREATE ROLE ${ident(r)} NOLOGIN;\n  END IF;\nEND\n`)};`);
  }
  for (const f of [...design.functions].sort()) out.push(helperFunction(s, f));
  for (const e of design.enums) out.push(`CREATE TYPE ${q(e.name)} AS ENUM (${e.values.map(literal).join(", ")});`);
  for (const t of design.tables) out.push(...tableSql(design, t));
  for (const c of design.constraints.filter((x) => x.kind === "foreign-key")) out.push(`ALTER TABLE ${q(c.table)} ADD CONSTRAINT ${ident(c.name)} ${c.definition};`);
  for (const i of design.indexes) out.push(indexSql(design, i));
  for (const t of design.tables) {
    if (t.updatedAt) out.push(`CREATE TRIGGER ${ident(`${t.name}_set_updated_at`)} BEFORE UPDATE ON ${q(t.name)} FOR EACH ROW EXECUTE FUNCTION ${q("set_updated_at")}();`);
    if (t.updatedBy) out.push(`CREATE TRIGGER ${ident(`${t.name}_set_updated_by`)} BEFORE UPDATE ON ${q(t.name)} FOR EACH ROW EXECUTE FUNCTION ${q("set_updated_by")}();`);
    if (t.auditTrigger) out.push(`CREATE TRIGGER ${ident(`${t.name}_audit`)} AFTER INSERT OR UPDATE OR DELETE ON ${q(t.name)} FOR EACH ROW EXECUTE FUNCTION ${q("audit_row")}();`);
  }
  for (const t of design.tables.filter((x) => x.rls)) {
    out.push(`ALTER TABLE ${q(t.name)} ENABLE ROW LEVEL SECURITY;`, `ALTER TABLE ${q(t.name)} FORCE ROW LEVEL SECURITY;`);
  }
  for (const p of design.policies) {
    const using = p.using ? ` USING (${p.using})` : "";
    const check = p.withCheck ? ` WITH CHECK (${p.withCheck})` : "";
    out.push(`CREATE POLICY ${ident(p.name)} ON ${q(p.table)} FOR ${p.command.toUpperCase()} TO ${role(p.role)}${using}${check};`);
  }
  for (const g of design.schemaGrants) out.push(`GRANT USAGE ON SCHEMA ${ident(g.schema)} TO ${role(g.role)};`);
  for (const g of design.grants) out.push(`GRANT ${g.privileges} ON ${q(g.table)} TO ${role(g.role)};`);
  for (const t of design.tables) {
    if (t.comment) out.push(`COMMENT ON TABLE ${q(t.name)} IS ${literal(t.comment)};`);
    for (const c of t.columns) if (c.comment) out.push(`COMMENT ON COLUMN ${q(t.name)}.${ident(c.name)} IS ${literal(c.comment)};`);
  }
  for (const seed of design.seeds) out.push(seed.sql);
  return `${out.join("\n\n")}\n`;
}

/** The lookup rows as one script (appended to UP: the plan moves schema, not data). */
export function seedSql(design: Design): string {
  return design.seeds.map((x) => x.sql).join("\n");
}
