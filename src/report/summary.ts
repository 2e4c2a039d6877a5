import type { Catalog } from "../catalog/model.js";

export interface SummaryRow {
  readonly kind: string;
  readonly count: number;
}

/** Counts per object kind, in the order a reader meets them. */
export function summaryRows(c: Catalog): SummaryRow[] {
  const tables = c.tables.filter((t) => !t.foreign);
  const constraints = c.tables.flatMap((t) => t.constraints);
  const ofKind = (k: string) => constraints.filter((x) => x.kind === k).length;
  return [
    { kind: "schemas", count: c.schemas.length },
    { kind: "extensions", count: c.extensions.length },
    { kind: "collations", count: c.collations.length },
    { kind: "enums", count: c.types.filter((t) => t.kind === "enum").length },
    { kind: "domains", count: c.types.filter((t) => t.kind === "domain").length },
    { kind: "composite types", count: c.types.filter((t) => t.kind === "composite").length },
    { kind: "range types", count: c.types.filter((t) => t.kind === "range").length },
    { kind: "sequences", count: c.sequences.length },
    { kind: "tables", count: tables.length },
    { kind: "  partitioned", count: tables.filter((t) => t.partitioning).length },
    { kind: "  partitions", count: tables.filter((t) => t.partitionOf).length },
    { kind: "foreign tables", count: c.tables.length - tables.length },
    { kind: "columns", count: c.tables.reduce((n, t) => n + t.columns.length, 0) },
    { kind: "primary keys", count: ofKind("primary-key") },
    { kind: "unique constraints", count: ofKind("unique") },
    { kind: "check constraints", count: ofKind("check") },
    { kind: "foreign keys", count: ofKind("foreign-key") },
    { kind: "exclusion constraints", count: ofKind("exclude") },
    { kind: "indexes", count: c.indexes.length },
    { kind: "views", count: c.views.length },
    { kind: "materialized views", count: c.materializedViews.length },
    { kind: "functions", count: c.routines.filter((r) => r.kind === "function" || r.kind === "window").length },
    { kind: "procedures", count: c.routines.filter((r) => r.kind === "procedure").length },
    { kind: "aggregates", count: c.routines.filter((r) => r.kind === "aggregate").length },
    { kind: "triggers", count: c.triggers.length },
    { kind: "event triggers", count: c.eventTriggers.length },
    { kind: "rules", count: c.rules.length },
    { kind: "policies", count: c.policies.length },
    { kind: "casts", count: c.casts.length },
    { kind: "text search configurations", count: c.textSearchConfigurations.length },
    { kind: "text search dictionaries", count: c.textSearchDictionaries.length },
    { kind: "foreign servers", count: c.foreignServers.length },
    { kind: "default privileges", count: c.defaultPrivileges.length },
    { kind: "dependencies", count: c.dependencies.length },
    { kind: "unmodeled", count: c.unmodeled.length },
  ];
}

/** The text `inspect` prints by default. */
export function formatSummary(c: Catalog, source: string): string {
  const major = Math.floor(c.server.versionNum / 10000);
  const rows = summaryRows(c);
  const width = Math.max(...rows.map((r) => r.kind.length));
  const lines = [`${source} (PostgreSQL ${major})`, ""];
  for (const r of rows) lines.push(`${r.kind.padEnd(width)}  ${String(r.count).padStart(6)}`);
  if (c.unmodeled.length > 0) {
    lines.push("", "Not modelled (pg-schema cannot plan or recreate these):");
    for (const u of c.unmodeled) lines.push(`  ${u.kind}: ${u.identity}`);
  }
  return `${lines.join("\n")}\n`;
}
