import { ident, identList } from "../../sql/ident.js";
import { type DesignBuilder, oneRow } from "../builder.js";
import { objectName } from "../names.js";
import type { ResolvedEntity } from "../resolve.js";
import { patternColumn } from "../resolve.js";
import { missingKey } from "./tables.js";

/** UNIQUE for natural keys and unique fields, the spec's CHECKs, EXCLUDE for non-overlapping periods, then every FK. */
export function buildConstraints(b: DesignBuilder): void {
  for (const e of b.r.entities) {
    const sets: { columns: string[]; why: string }[] = [];
    if (e.spec.key) sets.push({ columns: e.spec.key.map((k) => col(b, e, k)), why: "the natural key" });
    for (const u of e.spec.unique ?? []) sets.push({ columns: u.map((k) => col(b, e, k)), why: "unique in the spec" });
    for (const f of e.fields) if (f.spec.unique) sets.push({ columns: [f.name], why: `${f.name} is unique` });
    for (const s of sets) addUnique(b, e, s.columns, s.why);
    for (const [i, c] of (e.spec.checks ?? []).entries()) {
      b.constraint({
        table: e.table,
        name: c.name ?? objectName(e.table, [String(i + 1)], "check"),
        kind: "check",
        definition: `CHECK (${c.sql})`,
        columns: [],
        rule: "check-constraints",
        why: c.why ?? "a rule of the domain (spec)",
      });
      b.decide("check-constraints", e.table, `CHECK (${c.sql})`, c.why ?? "a rule of the domain (spec)");
    }
    for (const o of e.spec.no_overlap ?? []) addExclude(b, e, o.period, o.per ?? []);
  }
  for (const fk of b.fks) addForeignKey(b, fk);
}

const col = (b: DesignBuilder, e: ResolvedEntity, name: string): string => patternColumn(b.r, e, name) ?? name;

/** Unique sets are per tenant, include the partition key, and ignore soft-deleted rows. */
function addUnique(b: DesignBuilder, e: ResolvedEntity, columns: readonly string[], why: string, oneToOne = false): void {
  const table = b.table(e.table);
  const keys = [...(table.tenantKey && !columns.includes(table.tenantKey) ? [table.tenantKey] : []), ...columns];
  const partitionKey = b.partitionKeys.get(e.key);
  if (partitionKey && !keys.includes(partitionKey)) keys.push(partitionKey);
  const caseless = new Set(
    columns.filter((c) => e.fields.find((f) => f.name === c && (f.spec.type === "email" ? f.spec.case_insensitive !== false : f.spec.case_insensitive === true))),
  );
  const asIndex = table.softDelete === true || caseless.size > 0;
  const name = objectName(e.table, keys, asIndex ? "key" : "key");
  const others = keys.map((k) => `o.${ident(k)} IS NOT NULL`).join(" AND ");
  const live = table.softDelete ? " AND o.deleted_at IS NULL" : "";
  const violation = {
    sql: `UPDATE ${b.q(e.table)} AS t SET (${identList(keys)}) = (SELECT ${keys.map((k) => `o.${ident(k)}`).join(", ")} FROM ${b.q(e.table)} AS o WHERE (o.tableoid, o.ctid) <> (t.tableoid, t.ctid) AND ${others}${live} LIMIT 1) WHERE ${oneRow(b, e.table)}`,
    sqlstate: "23505",
  };
  const reasons = [
    why,
    ...(table.tenantKey ? [`per tenant (${table.tenantKey} leads)`] : []),
    ...(partitionKey && keys.includes(partitionKey) && !columns.includes(partitionKey) ? [`with the partition key ${partitionKey}, as PostgreSQL requires`] : []),
    ...(caseless.size ? [`case-insensitive on lower(${[...caseless].join(", ")})`] : []),
    ...(table.softDelete ? ["among rows not deleted"] : []),
  ].join("; ");
  b.constraint({ table: e.table, name, kind: "unique", definition: asIndex ? "" : `UNIQUE (${identList(keys)})`, columns: keys, rule: "unique-natural-key", why: reasons, violation, ...(asIndex ? { asIndex: true } : {}) });
  if (asIndex) {
    b.indexes.push({
      table: e.table,
      name,
      method: "btree",
      unique: true,
      keys: keys.map((k) => (caseless.has(k) ? `lower(${ident(k)})` : ident(k))),
      ...(table.softDelete ? { where: "deleted_at IS NULL" } : {}),
      rule: "unique-natural-key",
      serves: [`unique (${columns.join(", ")})`],
      why: reasons,
    });
  }
  b.decide("unique-natural-key", `${e.table} (${columns.join(", ")})`, asIndex ? `unique index ${name}` : `UNIQUE (${keys.join(", ")})`, oneToOne ? `one-to-one: ${reasons}` : reasons);
}

function addExclude(b: DesignBuilder, e: ResolvedEntity, period: string | readonly [string, string], per: readonly string[]): void {
  const table = b.table(e.table);
  const scope = per.map((p) => col(b, e, p));
  let rangeSql: string;
  let columns: string[];
  let label: string;
  if (typeof period === "string") {
    const c = col(b, e, period);
    rangeSql = ident(c);
    columns = [c];
    label = c;
  } else {
    const [start, end] = [col(b, e, period[0]), col(b, e, period[1])];
    const kind = e.fields.find((f) => f.name === start)?.spec.type === "date" ? "daterange" : "tstzrange";
    rangeSql = `${kind}(${ident(start)}, ${ident(end)})`;
    columns = [start, end];
    label = `${start}_${end}`;
    b.constraint({
      table: e.table,
      name: objectName(e.table, [start, end], "check"),
      kind: "check",
      definition: `CHECK (${ident(start)} < ${ident(end)})`,
      columns,
      rule: "exclude-no-overlap",
      why: "a period ends after it starts",
      violation: { sql: `UPDATE ${b.q(e.table)} SET ${ident(end)} = ${ident(start)} - interval '1 day' WHERE ${oneRow(b, e.table)}`, sqlstate: "23514" },
    });
  }
  if (scope.length > 0) b.extensions.add("btree_gist");
  const name = objectName(e.table, [...scope, label], "excl");
  const items = [...scope.map((s) => `${ident(s)} WITH =`), `${rangeSql} WITH &&`].join(", ");
  const where = table.softDelete ? " WHERE (deleted_at IS NULL)" : "";
  const all = [...scope, ...columns];
  b.constraint({
    table: e.table,
    name,
    kind: "exclude",
    definition: `EXCLUDE USING gist (${items})${where}`,
    columns: all,
    rule: "exclude-no-overlap",
    why: `no two rows${scope.length ? ` with the same ${scope.join(", ")}` : ""} have overlapping periods`,
    violation: {
      sql: `UPDATE ${b.q(e.table)} AS t SET (${identList(all)}) = (SELECT ${all.map((c) => `o.${ident(c)}`).join(", ")} FROM ${b.q(e.table)} AS o WHERE (o.tableoid, o.ctid) <> (t.tableoid, t.ctid)${table.softDelete ? " AND o.deleted_at IS NULL" : ""} LIMIT 1) WHERE ${oneRow(b, e.table)}`,
      sqlstate: "23P01",
    },
  });
  b.decide("exclude-no-overlap", e.table, `EXCLUDE USING gist (${items})`, `overlapping ${label} periods${scope.length ? ` for the same ${scope.join(", ")}` : ""} are rejected by the database, even under concurrent writes, which a check in application code cannot promise${scope.length ? "; btree_gist lets GiST compare the scalar columns with =" : ""}`);
}

function addForeignKey(b: DesignBuilder, fk: import("../builder.js").PendingForeignKey): void {
  const table = b.table(fk.table);
  const target = b.table(fk.target);
  const composite = table.tenantKey !== undefined && target.tenantKey !== undefined && !fk.columns.includes(table.tenantKey);
  const columns = composite ? [table.tenantKey!, ...fk.columns] : [...fk.columns];
  const targetColumns = fk.target === table.name && fk.columns[0] === "id" ? ["id"] : composite ? [target.tenantKey!, "id"] : target.name === fk.target && targetKeyIsCode(b, fk.target) ? ["code"] : ["id"];
  const action = fk.onDelete.toUpperCase();
  const onDelete = fk.onDelete === "set null" && composite ? `SET NULL (${identList(fk.columns)})` : action;
  const name = objectName(fk.table, columns, "fkey");
  const targetEntity = b.r.entities.find((e) => e.table === fk.target);
  const missing = missingKey(targetEntity?.id ?? "identity");
  b.constraint({
    table: fk.table,
    name,
    kind: "foreign-key",
    definition: `FOREIGN KEY (${identList(columns)}) REFERENCES ${b.q(fk.target)} (${identList(targetColumns)}) ON DELETE ${onDelete}`,
    columns,
    rule: fk.rule,
    why: fk.why,
    violation: { sql: `UPDATE ${b.q(fk.table)} SET ${ident(fk.columns.at(-1)!)} = ${missing} WHERE ${oneRow(b, fk.table)}`, sqlstate: "23503" },
  });
  const reasons: string[] = [
    fk.onDelete === "restrict" ? "RESTRICT: deleting a referenced row fails instead of silently removing or orphaning children" : fk.onDelete === "cascade" ? "CASCADE: the children have no meaning without their parent" : fk.onDelete === "set null" ? "SET NULL: the child outlives the parent" : "NO ACTION (checked at the end of the statement)",
    ...(composite ? [`includes ${table.tenantKey}, so the referenced row is the same tenant's (${fk.onDelete === "set null" ? "SET NULL names only the reference column, PostgreSQL 15+" : "tenant-composite-fk"})`] : []),
  ];
  b.decide(fk.rule, `${fk.table} → ${fk.target}`, `FOREIGN KEY (${columns.join(", ")}) ON DELETE ${onDelete}`, `${fk.why}. ${reasons.join("; ")}`);
  if (fk.unique) {
    const e = b.r.entities.find((x) => x.table === fk.table);
    if (e) addUnique(b, e, fk.columns, "one-to-one: each row is referenced at most once", true);
  }
}

function targetKeyIsCode(b: DesignBuilder, table: string): boolean {
  return b.table(table).columns[0]?.name === "code";
}
