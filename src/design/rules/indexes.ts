import { ident } from "../../sql/ident.js";
import type { DesignBuilder } from "../builder.js";
import type { DesignIndex } from "../design-types.js";
import { objectName } from "../names.js";
import { patternColumn, type ResolvedEntity } from "../resolve.js";
import type { AccessPatternSpec } from "../spec/spec-schema.js";

/** Rows (within a year) at which an append-only time column gets a BRIN index. */
export const BRIN_ROWS = 1_000_000;
/** At most this many selected columns are carried in INCLUDE. */
const MAX_INCLUDE = 4;

const SEARCH_COLUMN = "search_vector";
/**
 * Planner settings under which a few sample rows stand for many: sequential scans off, and each heap row weighed
 * 100 times its default cost, so an index that reads fewer rows wins as it would at production size (on 60 rows a
 * GIN index's fixed cost otherwise loses to reading a tenant's rows through any B-tree).
 */
const AT_SCALE = ["enable_seqscan = off", "cpu_tuple_cost = 1"];
/** GIN and GiST answer these patterns through bitmap scans; a full scan of some B-tree must not stand in. */
const BITMAP_ONLY = [...AT_SCALE, "enable_indexscan = off", "enable_indexonlyscan = off"];

/** Indexes from access patterns, then BRIN, then foreign keys, then redundant ones merged away. */
export function buildIndexes(b: DesignBuilder): void {
  for (const [name, p] of Object.entries(b.r.spec.access_patterns ?? {})) patternIndexes(b, name, p);
  for (const e of b.r.entities) brin(b, e);
  foreignKeyIndexes(b);
  removeRedundant(b);
}

function entityOf(b: DesignBuilder, p: AccessPatternSpec): ResolvedEntity {
  return (b.r.byKey.get(p.entity) ?? b.r.entities.find((e) => e.table === p.entity))!;
}

function add(b: DesignBuilder, index: Omit<DesignIndex, "name">, suffix = "idx"): string {
  const columns = index.keys.map((k) => k.replace(/\(|\)|"|::\w+| DESC| ASC/g, "").replace(/[^A-Za-z0-9_]+/g, "_"));
  let name = objectName(index.table, columns, suffix);
  for (let i = 1; b.indexes.some((x) => x.name === name) || b.constraints.some((c) => c.name === name); i++) name = objectName(index.table, columns, `${suffix}${i}`);
  b.indexes.push({ ...index, name });
  return name;
}

function patternIndexes(b: DesignBuilder, patternName: string, p: AccessPatternSpec): void {
  const e = entityOf(b, p);
  const table = b.table(e.table);
  const col = (n: string): string => patternColumn(b.r, e, n)!;
  const label = `pattern ${patternName}`;
  const filters: string[] = [];
  const live = table.softDelete ? "deleted_at IS NULL" : undefined;
  const predicate = [p.where, live].filter(Boolean).map((w) => (p.where && live ? `(${w})` : w!)).join(" AND ") || undefined;
  const q = b.q(e.table);
  const equals = [...(table.tenantKey ? [table.tenantKey] : []), ...(p.equals ?? []).map(col)].filter((c, i, all) => all.indexOf(c) === i);
  // The equality values are the heaviest combination among the rows the pattern's predicate selects: the key with
  // the most rows (the largest tenant or customer) is where an index matters and where a weaker one shows.
  const rowFilter = [...equals.map((c) => `${ident(c)} IS NOT NULL`), ...(predicate ? [predicate] : [])].join(" AND ");
  const keyList = equals.map(ident).join(", ");
  const sample = (c: string): string =>
    probe(`SELECT ${ident(c)} FROM (SELECT ${keyList}, count(*) AS n FROM ${q}${rowFilter ? ` WHERE ${rowFilter}` : ""} GROUP BY ${keyList} ORDER BY n DESC, ${keyList} LIMIT 1) AS heaviest`);
  for (const c of equals) filters.push(`${ident(c)} = ${sample(c)}`);
  const range = (p.range ?? []).map(col);
  for (const c of range) filters.push(`${ident(c)} >= ${probe(`SELECT min(${ident(c)}) FROM ${q}${predicate ? ` WHERE ${predicate}` : ""}`)}`);
  const sort = (p.sort ?? []).map((s) => {
    const [field, dir] = s.split(" ");
    return { column: col(field!), desc: dir?.toLowerCase() === "desc" };
  });
  if (predicate) filters.push(predicate);
  const where = filters.length ? ` WHERE ${filters.join(" AND ")}` : "";
  const orderBy = sort.length ? ` ORDER BY ${sort.map((s) => `${ident(s.column)}${s.desc ? " DESC" : ""}`).join(", ")}` : "";
  const limit = p.limit ? ` LIMIT ${p.limit}` : "";
  const select = p.select?.length ? [...new Set(["id", ...p.select.map(col)])].map(ident).join(", ") : "*";
  const how = [p.per_second ? `${p.per_second}/s` : "", p.max_ms ? `within ${p.max_ms} ms` : ""].filter(Boolean).join(", ");
  const description = p.description ?? patternName;

  // Under RLS every query also filters on the tenant key. A GIN index does not lead with it (a multicolumn GIN
  // intersects one posting list per column, and a tenant's list holds all its rows): the tenant is a recheck.
  const tenantFilter = table.tenantKey ? `${ident(table.tenantKey)} = ${sample(table.tenantKey)} AND ` : "";
  if (p.search?.length) {
    const fields = p.search.map(col);
    if (!table.columns.some((c) => c.name === SEARCH_COLUMN)) {
      table.columns.push({
        name: SEARCH_COLUMN,
        type: "tsvector",
        notNull: false,
        generated: `to_tsvector('simple'::regconfig, ${fields.map((f) => `coalesce(${ident(f)}, '')`).join(" || ' ' || ")})`,
        comment: `full-text search over ${fields.join(", ")}`,
      });
    }
    const name = add(b, { table: e.table, method: "gin", keys: [SEARCH_COLUMN], ...(predicate ? { where: predicate } : {}), rule: "index-gin", serves: [label], why: `full-text search over ${fields.join(", ")}: a GIN index on a stored generated tsvector, kept in step by PostgreSQL` });
    const word = probe(`SELECT lexeme FROM unnest((SELECT ${SEARCH_COLUMN} FROM ${q} WHERE ${SEARCH_COLUMN} <> ''::tsvector LIMIT 1)) LIMIT 1`);
    b.patterns.push({ pattern: patternName, table: e.table, index: name, description, settings: BITMAP_ONLY, sql: `SELECT ${select} FROM ${q} WHERE ${tenantFilter}${SEARCH_COLUMN} @@ to_tsquery('simple', ${word})${predicate ? ` AND ${predicate}` : ""}${limit}` });
    b.decide("index-gin", `${e.table}.${SEARCH_COLUMN}`, `GIN (${SEARCH_COLUMN}) for ${label}`, `matching words needs an inverted index; the 'simple' configuration does not stem, so results do not depend on the language of each row${how ? ` (${how})` : ""}`);
  }
  for (const c of (p.contains ?? []).map(col)) {
    const jsonb = table.columns.find((x) => x.name === c)?.type === "jsonb";
    const name = add(b, { table: e.table, method: "gin", keys: [ident(c)], ...(jsonb ? { opclass: "jsonb_path_ops" } : {}), ...(predicate ? { where: predicate } : {}), rule: "index-gin", serves: [label], why: `containment (@>) on ${c}${jsonb ? ": jsonb_path_ops is smaller and faster for @> than the default operator class" : ""}` });
    const element = jsonb
      ? probe(`SELECT jsonb_build_object(k, v) FROM ${q}, jsonb_each(${ident(c)}) AS kv(k, v) LIMIT 1`)
      : probe(`SELECT ${ident(c)}[1:1] FROM ${q} WHERE cardinality(${ident(c)}) > 0 LIMIT 1`);
    b.patterns.push({ pattern: patternName, table: e.table, index: name, description, settings: BITMAP_ONLY, sql: `SELECT ${select} FROM ${q} WHERE ${tenantFilter}${ident(c)} @> ${element}${predicate ? ` AND ${predicate}` : ""}${limit}` });
    b.decide("index-gin", `${e.table}.${c}`, `GIN (${c}${jsonb ? " jsonb_path_ops" : ""}) for ${label}`, `B-tree cannot answer "contains"; GIN indexes each element${how ? ` (${how})` : ""}`);
  }
  for (const [kind, field] of [["near", p.near], ["overlaps", p.overlaps]] as const) {
    if (!field) continue;
    const c = col(field);
    // Scalar equality columns go in front of the GiST key (btree_gist): `room_id WITH =, during WITH &&` answers
    // "this room's overlapping bookings" from one index. An EXCLUDE constraint of that shape already is that index.
    const scope = equals.filter((x) => x !== table.tenantKey);
    const exclude = kind === "overlaps" ? b.constraints.find((x) => x.table === e.table && x.kind === "exclude" && x.columns.at(-1) === c && x.columns.slice(0, -1).every((s) => scope.includes(s)) && x.columns.length - 1 === scope.length) : undefined;
    const filtersSql = filters.length ? `${filters.join(" AND ")} AND ` : "";
    const sql = kind === "near"
      ? `SELECT ${select} FROM ${q}${filters.length ? ` WHERE ${filters.join(" AND ")}` : ""} ORDER BY ${ident(c)} <-> ${probe(`SELECT ${ident(c)} FROM ${q} LIMIT 1`)} LIMIT ${p.limit ?? 10}`
      : `SELECT ${select} FROM ${q} WHERE ${filtersSql}${ident(c)} && ${probe(`SELECT ${ident(c)} FROM ${q}${rowFilter ? ` WHERE ${rowFilter}` : ""} LIMIT 1`)}${limit}`;
    const settings = kind === "near" ? [...AT_SCALE, "enable_sort = off"] : BITMAP_ONLY;
    if (exclude) {
      b.patterns.push({ pattern: patternName, table: e.table, index: exclude.name, description, sql, settings });
      b.decide("index-gist", `${e.table}.${c}`, `served by the index of ${exclude.name} for ${label}`, `the EXCLUDE constraint's GiST index has the same shape (${[...scope, c].join(", ")}): a second index would only cost writes`);
      continue;
    }
    if (scope.length > 0) b.extensions.add("btree_gist");
    const keys = [...scope.map(ident), ident(c)];
    const name = add(b, { table: e.table, method: "gist", keys, ...(predicate ? { where: predicate } : {}), rule: "index-gist", serves: [label], why: `${kind === "near" ? `nearest-neighbour and distance searches on ${c}` : `overlapping periods on ${c}`}${scope.length ? `, for one ${scope.join(", ")} (btree_gist puts the = columns in the same GiST index)` : ""}` });
    b.patterns.push({ pattern: patternName, table: e.table, index: name, description, sql, settings });
    b.decide("index-gist", `${e.table}.${c}`, `GiST (${keys.join(", ")}) for ${label}`, `${kind === "near" ? "KNN ordering (<->) and radius searches" : "the && operator"} need a GiST index; B-tree orders one dimension only${how ? ` (${how})` : ""}`);
  }
  if (p.near || p.overlaps) return;

  const keys: string[] = [];
  // A column the partial predicate pins to one value (`status = 'paid'`) is the same in every entry: not a key.
  const pinned = pinnedColumns(p.where);
  const seen = new Set<string>(pinned);
  for (const c of [...equals, ...range]) if (!seen.has(c)) (seen.add(c), keys.push(ident(c)));
  for (const s of sort) if (!seen.has(s.column)) (seen.add(s.column), keys.push(`${ident(s.column)}${s.desc ? " DESC" : ""}`));
  else if (s.desc) keys[keys.indexOf(ident(s.column))] = `${ident(s.column)} DESC`;
  const onlyTenant = keys.length === 1 && table.tenantKey !== undefined && keys[0] === ident(table.tenantKey);
  if (keys.length === 0 || onlyTenant || p.search?.length || p.contains?.length) return;
  const include = (p.select ?? []).map(col).filter((c) => !seen.has(c) && c !== "id");
  const covering = include.length > 0 && include.length <= MAX_INCLUDE;
  const name = add(b, {
    table: e.table,
    method: "btree",
    keys,
    ...(covering ? { include } : {}),
    ...(predicate ? { where: predicate } : {}),
    rule: "index-access-pattern",
    serves: [label],
    why: [
      `${description}${how ? ` (${how})` : ""}`,
      equals.filter((c) => !pinned.has(c)).length ? `equality on ${equals.filter((c) => !pinned.has(c)).join(", ")} first` : "",
      pinned.size ? `${[...pinned].join(", ")} left out of the key: the predicate fixes ${pinned.size > 1 ? "their values" : "its value"}` : "",
      range.length ? `then the range on ${range.join(", ")}` : "",
      sort.length ? `then the sort ${sort.map((s) => s.column + (s.desc ? " desc" : "")).join(", ")}${p.limit ? ` so the first ${p.limit} rows come without a sort` : ""}` : "",
      covering ? `INCLUDE ${include.join(", ")} for index-only scans` : "",
      predicate ? `partial: WHERE ${predicate}` : "",
    ].filter(Boolean).join("; "),
  });
  const settings = [...AT_SCALE, ...(sort.length ? ["enable_sort = off"] : [])];
  b.patterns.push({ pattern: patternName, table: e.table, index: name, description, settings, sql: `SELECT ${select} FROM ${q}${where}${orderBy}${limit}` });
  b.decide("index-access-pattern", label, `${name} (${keys.join(", ")})${covering ? ` INCLUDE (${include.join(", ")})` : ""}${predicate ? ` WHERE ${predicate}` : ""}`, b.indexes.find((i) => i.name === name)!.why);
}

function brin(b: DesignBuilder, e: ResolvedEntity): void {
  if (!e.spec.append_only && !e.spec.time_series) return;
  const time = e.spec.time_series?.time ?? "created_at";
  const s = e.spec.scale;
  const rows = (s?.rows ?? 0) + (s?.growth_per_day ?? 0) * 365;
  const table = b.table(e.table);
  if (!table.columns.some((c) => c.name === time)) return;
  if (rows < BRIN_ROWS) {
    b.decide("index-brin", `${e.table}.${time}`, "no BRIN index", `${rows.toLocaleString("en-US")} rows within a year: below ${BRIN_ROWS.toLocaleString("en-US")} a B-tree or a scan is cheap`);
    return;
  }
  add(b, { table: e.table, method: "brin", keys: [ident(time)], rule: "index-brin", serves: [`time range scans on ${time}`], why: `${rows.toLocaleString("en-US")} rows within a year, inserted in ${time} order: a BRIN index of a few pages answers time ranges; a B-tree would grow with every row` });
  b.decide("index-brin", `${e.table}.${time}`, `BRIN (${time})`, `append-only rows arrive in ${time} order, so block ranges summarize them well; the index stays tiny at ${rows.toLocaleString("en-US")} rows`);
}

/** The key columns of an index as plain names (expressions and directions removed). */
function leading(keys: readonly string[]): string[] {
  return keys.map((k) => k.replace(/ DESC$| ASC$/, "").replace(/^"(.*)"$/, "$1"));
}

function foreignKeyIndexes(b: DesignBuilder): void {
  for (const fk of b.constraints.filter((c) => c.kind === "foreign-key")) {
    const leads = (keys: readonly string[]): boolean => fk.columns.every((c) => keys.slice(0, fk.columns.length).includes(c));
    const index = b.indexes.find((i) => i.table === fk.table && i.method === "btree" && !i.where && leads(leading(i.keys)));
    if (index) {
      if (!index.serves.includes(`foreign key ${fk.name}`)) (index.serves as string[]).push(`foreign key ${fk.name}`);
      b.decide("index-foreign-key", fk.name, `served by ${index.name}`, "an index already leads with the foreign key's columns");
      continue;
    }
    const key = b.constraints.find((c) => c.table === fk.table && (c.kind === "primary-key" || (c.kind === "unique" && !c.asIndex)) && leads(c.columns));
    if (key) {
      b.decide("index-foreign-key", fk.name, `served by ${key.name}`, "its columns lead that key's index");
      continue;
    }
    add(b, {
      table: fk.table,
      method: "btree",
      keys: fk.columns.map(ident),
      rule: "index-foreign-key",
      serves: [`foreign key ${fk.name}`],
      why: `joins from the referenced table and its DELETE/UPDATE checks look rows up by (${fk.columns.join(", ")}); without an index each is a scan of ${fk.table}`,
    });
    b.decide("index-foreign-key", fk.name, `index on (${fk.columns.join(", ")})`, "PostgreSQL does not index the referencing side of a foreign key by itself");
  }
}

/** Columns a simple predicate fixes to one constant: `status = 'paid'`, `a = 1 AND b = 'x'`. */
function pinnedColumns(where: string | undefined): Set<string> {
  const pinned = new Set<string>();
  if (!where) return pinned;
  for (const part of where.split(/\s+AND\s+/i)) {
    const m = /^\(?\s*"?([a-z_][a-z0-9_]*)"?\s*=\s*('(?:[^']|'')*'|-?\d+(?:\.\d+)?|true|false)\s*\)?$/i.exec(part.trim());
    if (m) pinned.add(m[1]!.toLowerCase());
  }
  return pinned;
}

/**
 * A value taken from the sample rows, as a scalar subquery marked so the proof can run it first and put the value
 * in as a constant: the planner then sees a value with statistics, as it would from a parameterized query.
 */
function probe(select: string): string {
  return `(${PROBE_MARK} ${select})`;
}

export const PROBE_MARK = "/*sample*/";

/** Drops B-tree indexes whose keys are a prefix of another's (same predicate), moving what they serve. */
function removeRedundant(b: DesignBuilder): void {
  const constraintKeys = b.constraints.filter((c) => c.kind === "primary-key" || (c.kind === "unique" && !c.asIndex)).map((c) => ({ table: c.table, keys: c.columns.map(ident), name: c.name }));
  for (const index of [...b.indexes]) {
    if (index.method !== "btree" || index.unique) continue;
    const prefixOf = (keys: readonly string[]): boolean => index.keys.length <= keys.length && index.keys.every((k, i) => keys[i] === k);
    const wider = b.indexes.find((o) => o !== index && o.table === index.table && o.method === "btree" && o.where === index.where && prefixOf(o.keys) && (index.include ?? []).every((c) => o.keys.includes(ident(c)) || (o.include ?? []).includes(c)));
    const key = !index.where && !index.include ? constraintKeys.find((c) => c.table === index.table && prefixOf(c.keys)) : undefined;
    const by = wider?.name ?? key?.name;
    if (!by) continue;
    b.indexes.splice(b.indexes.indexOf(index), 1);
    if (wider) (wider.serves as string[]).push(...index.serves);
    for (const p of b.patterns) if (p.index === index.name) (p as { index: string }).index = by;
    b.decide("index-no-redundant", index.name, `not created: ${by} serves ${index.serves.join(", ")}`, `its keys (${index.keys.join(", ")}) are a prefix of ${by}'s; a second index would only cost writes and memory`);
  }
}
