import type { Column, Identity, SequenceOptions } from "../model.js";
import { normalizeExpression } from "../normalize-expression.js";
import { objectId } from "../object-id.js";
import { aclFrom, columnAclFrom } from "./acl.js";
import { CATALOG } from "./catalog-objects.js";
import { type ReadContext, defined, jsonOf, listOf, numberOf, textOf } from "./context.js";
import { defaultNotNullName } from "./table-default-names.js";
import { qualifiedRef } from "./type-names.js";

/** Columns of every table, keyed by `schema\0table`, each list by position. */
export async function readTableColumns(ctx: ReadContext): Promise<Map<string, Column[]>> {
  const byTable = new Map<string, Column[]>();
  for (const r of await ctx.rows("columns")) {
    const key = `${String(r.schema)}\u0000${String(r.table_name)}`;
    const list = byTable.get(key) ?? [];
    const column = columnOf(r);
    const id = objectId.column({ schema: String(r.schema), name: String(r.table_name) }, column.name);
    ctx.register(CATALOG.class, r.table_oid, id, r.attnum);
    if (r.default_oid != null) ctx.register(CATALOG.attrdef, r.default_oid, id);
    if (r.not_null_oid != null) ctx.register(CATALOG.constraint, r.not_null_oid, id);
    list.push(column);
    byTable.set(key, list);
  }
  return byTable;
}

const STORAGE = { p: "plain", e: "external", x: "extended", m: "main" } as const;
const COMPRESSION: Record<string, string> = { p: "pglz", l: "lz4" };

function columnOf(r: Record<string, unknown>): Column {
  const table = String(r.table_name);
  const name = String(r.name);
  const generatedKind = r.generated === "s" ? "stored" : r.generated === "v" ? "virtual" : undefined;
  const raw = textOf(r.default_expression);
  const expression = raw === undefined ? undefined : normalizeExpression(raw);
  const storage = String(r.storage) as keyof typeof STORAGE;
  return defined<Column>({
    name,
    type: String(r.type),
    collation: qualifiedRef(r.collation),
    notNull: r.not_null === true,
    notNullConstraint: notNullConstraintOf(r.not_null_constraint, table, name, r.local === true),
    inherited: r.inherited === true ? true : undefined,
    default: generatedKind === undefined ? expression : undefined,
    generated: generatedKind !== undefined && expression !== undefined ? { kind: generatedKind, expression } : undefined,
    identity: identityOf(r.identity, r.identity_sequence, aclFrom(r.identity_acl, r.identity_acl_default, String(r.owner))),
    storage: r.storage === r.type_storage ? undefined : STORAGE[storage],
    compression: COMPRESSION[String(r.compression ?? "")],
    statistics: r.statistics === null || r.statistics === undefined ? undefined : numberOf(r.statistics),
    options: sortedList(r.options),
    fdwOptions: sortedList(r.fdw_options),
    comment: textOf(r.comment),
    acl: columnAclFrom(r.acl, String(r.owner)),
  });
}

export function sortedList(value: unknown): string[] | undefined {
  return listOf(value)?.sort(compareText);
}

export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface NotNullRow {
  name: string;
  noInherit: boolean;
  validated: boolean;
  comment: string | null;
  parentName: string | null;
}

/**
 * Only what a plain `NOT NULL` would not give; see `Column.notNullConstraint`. A column the table does not declare
 * itself (every partition column, an inheritance child's inherited ones) gets its parent's constraint and name; a
 * column it declares is written with `NOT NULL`, whose name is `<table>_<column>_not_null`.
 */
function notNullConstraintOf(value: unknown, table: string, column: string, declared: boolean): Column["notNullConstraint"] {
  const c = jsonOf<NotNullRow>(value);
  if (c === undefined) return undefined;
  const defaultName = !declared && c.parentName !== null ? c.parentName : defaultNotNullName(table, column);
  if (c.name === defaultName && !c.noInherit && c.validated && c.comment === null) return undefined;
  return defined({
    name: c.name,
    noInherit: c.noInherit ? (true as const) : undefined,
    notValid: c.validated ? undefined : (true as const),
    comment: c.comment ?? undefined,
  });
}

interface SequenceRow {
  name: string;
  dataType: SequenceOptions["dataType"];
  start: string;
  increment: string;
  min: string;
  max: string;
  cache: string;
  cycle: boolean;
}

/** A column's own identity; a partition's identity column shares its parent's sequence and records none. */
function identityOf(kind: unknown, sequence: unknown, acl: Identity["acl"]): Identity | undefined {
  if (kind !== "a" && kind !== "d") return undefined;
  const s = jsonOf<SequenceRow>(sequence);
  if (s === undefined) return undefined;
  return defined<Identity>({
    generation: kind === "a" ? "always" : "by default",
    sequenceName: s.name,
    dataType: s.dataType,
    start: s.start,
    increment: s.increment,
    min: s.min,
    max: s.max,
    cache: s.cache,
    cycle: s.cycle,
    acl,
  });
}
