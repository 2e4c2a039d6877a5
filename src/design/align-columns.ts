import type { Catalog } from "../catalog/model.js";
import type { Design } from "./design-types.js";

/**
 * Evolving a schema cannot reorder the columns of a table that exists: PostgreSQL appends added columns. So a table
 * the existing schema already has keeps its columns' order, and the design's new columns follow in the design's
 * order. Without this the migration could never reach the design.
 */
export function alignColumnOrder(design: Design, existing: Catalog): Design {
  const tables = design.tables.map((t) => {
    const before = existing.tables.find((x) => x.schema === design.schema && x.name === t.name);
    if (!before) return t;
    const position = new Map(before.columns.map((c, i) => [c.name, i]));
    const columns = [...t.columns].sort((a, b) => (position.get(a.name) ?? Infinity) - (position.get(b.name) ?? Infinity));
    return { ...t, columns };
  });
  return { ...design, tables };
}
