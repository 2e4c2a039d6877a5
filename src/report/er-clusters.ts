import { compare, type ErModel, type ErTable } from "./er-model.js";

/**
 * How the ER diagram is cut into boxes and where the boxes go. Graphviz's `dot` with `rankdir=LR` puts every table
 * that nothing points to in its first rank, so a large schema comes out as one very tall strip (300 synthetic tables:
 * width / height 0.06). Instead:
 * - tables are grouped: by the given groups, else by schema, else by foreign-key-connected component;
 * - groups larger than `MAX_CLUSTER_TABLES` are cut into parts along the foreign keys;
 * - inside a box, the tables no key inside the box points to are set in rows (chains of invisible edges) instead of
 *   one column;
 * - the boxes are ordered so that keys between them mostly point forward, and stacked into columns chosen so that
 *   the estimated drawing stays near `TARGET_ASPECT` (width / height).
 * The DOT writer pins each column between two invisible rank anchors and lets only keys inside a box rank tables.
 */
export interface ErClusters {
  readonly clusters: readonly ErCluster[];
  /** Indexes into `clusters`, one list per column, left to right. */
  readonly columns: readonly (readonly number[])[];
  /** False when everything is one small box of foreign-key-connected tables: drawn without a frame. */
  readonly framed: boolean;
}

export interface ErCluster {
  /** Stable, `[a-z0-9_]` only. */
  readonly id: string;
  readonly label: string;
  /** Table ids, sorted. */
  readonly tables: readonly string[];
  /** Tables no foreign key inside the box points to (its left edge); the column anchor points at them. */
  readonly sources: readonly string[];
  /** A table on the box's longest foreign-key path (its right edge); it points at the next column's anchor. */
  readonly deepest: string;
  /**
   * The tables no foreign key inside the box points to would all stand in its first rank, one tall column; they are
   * set in rows instead, each row a chain of invisible edges.
   */
  readonly rows: readonly (readonly string[])[];
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface ClusterOptions {
  /** `schema.table` → group label. */
  readonly groups?: ReadonlyMap<string, string>;
  /** Estimated drawn size of a table node, in points. */
  readonly nodeSize: (table: ErTable) => Size;
}

export const MAX_CLUSTER_TABLES = 20;
export const TARGET_ASPECT = 1.5;
/** Graphviz spacing the estimate assumes (points); the DOT writer uses the same values. */
export const RANK_SEPARATION = 60;
export const NODE_SEPARATION = 20;
const CLUSTER_MARGIN = 16;
/** Fewer loose tables than this stay in one column. */
const GRID_MIN_TABLES = 4;
const CLUSTER_LABEL_HEIGHT = 24;

export function erClusters(model: ErModel, options: ClusterOptions): ErClusters {
  const { groups, byComponent } = baseGroups(model, options.groups);
  const neighbours = adjacency(model);
  const parts = flowOrder(groups.flatMap((g) => split(g, neighbours)), model);
  const framed = !(byComponent && parts.length === 1);
  const byId = new Map(model.tables.map((t) => [t.id, t]));
  const shapes = parts.map((p) => shapeOf(p.tables, model, byId, options.nodeSize, framed));
  const clusters = parts.map((p, i): ErCluster => ({
    id: `g${i}`,
    label: p.label,
    tables: [...p.tables].sort(compare),
    sources: shapes[i]!.sources,
    deepest: shapes[i]!.deepest,
    rows: shapes[i]!.rows,
  }));
  return { clusters, columns: arrange(shapes.map((s) => s.size)), framed };
}

interface Group {
  readonly label: string;
  readonly tables: readonly string[];
}

function baseGroups(model: ErModel, given: ReadonlyMap<string, string> | undefined): { groups: Group[]; byComponent: boolean } {
  const ids = model.tables.map((t) => t.id);
  if (given !== undefined) return { groups: groupBy(ids, (id) => given.get(id) ?? "other tables"), byComponent: false };
  const schemas = new Set(model.tables.map((t) => t.schema));
  if (schemas.size > 1) {
    const schemaOf = new Map(model.tables.map((t) => [t.id, t.schema]));
    return { groups: groupBy(ids, (id) => schemaOf.get(id)!), byComponent: false };
  }
  return { groups: components(model), byComponent: true };
}

function groupBy(ids: readonly string[], key: (id: string) => string): Group[] {
  const map = new Map<string, string[]>();
  for (const id of ids) map.set(key(id), [...(map.get(key(id)) ?? []), id]);
  return [...map].sort(([a], [b]) => compare(a, b)).map(([label, tables]) => ({ label, tables }));
}

/** Foreign-key-connected components, each named after its most referenced table; lone tables share one group. */
function components(model: ErModel): Group[] {
  const neighbours = adjacency(model);
  const inDegree = new Map<string, number>();
  for (const r of model.relations) if (r.from !== r.to) inDegree.set(r.to, (inDegree.get(r.to) ?? 0) + 1);
  const seen = new Set<string>();
  const groups: Group[] = [];
  const lone: string[] = [];
  for (const t of model.tables) {
    if (seen.has(t.id)) continue;
    const members: string[] = [];
    const stack = [t.id];
    seen.add(t.id);
    while (stack.length > 0) {
      const id = stack.pop()!;
      members.push(id);
      for (const n of neighbours.get(id) ?? []) if (!seen.has(n)) (seen.add(n), stack.push(n));
    }
    if (members.length === 1) {
      lone.push(t.id);
      continue;
    }
    const hub = members.reduce((a, b) => ((inDegree.get(b) ?? 0) > (inDegree.get(a) ?? 0) || ((inDegree.get(b) ?? 0) === (inDegree.get(a) ?? 0) && compare(b, a) < 0) ? b : a));
    groups.push({ label: `${nameOf(model, hub)} and related tables`, tables: members.sort(compare) });
  }
  groups.sort((a, b) => b.tables.length - a.tables.length || compare(a.label, b.label));
  if (lone.length > 0) groups.push({ label: "tables without foreign keys", tables: lone });
  return groups;
}

function nameOf(model: ErModel, id: string): string {
  return model.tables.find((t) => t.id === id)?.name ?? id;
}

/** Undirected foreign-key neighbours, sorted, self-references left out. */
function adjacency(model: ErModel): Map<string, string[]> {
  const sets = new Map<string, Set<string>>();
  const link = (a: string, b: string) => sets.set(a, (sets.get(a) ?? new Set()).add(b));
  for (const r of model.relations) {
    if (r.from === r.to) continue;
    link(r.from, r.to);
    link(r.to, r.from);
  }
  return new Map([...sets].map(([k, v]) => [k, [...v].sort(compare)]));
}

/**
 * Cuts a group into balanced parts of at most MAX_CLUSTER_TABLES. Depth-first order over the foreign keys inside
 * the group, starting from the best connected table, keeps each table's neighbourhood mostly in one part.
 */
function split(group: Group, neighbours: Map<string, string[]>): Group[] {
  if (group.tables.length <= MAX_CLUSTER_TABLES) return [group];
  const inside = new Set(group.tables);
  const degree = (id: string) => (neighbours.get(id) ?? []).filter((n) => inside.has(n)).length;
  const starts = [...group.tables].sort((a, b) => degree(b) - degree(a) || compare(a, b));
  const order: string[] = [];
  const seen = new Set<string>();
  for (const start of starts) {
    const stack = [start];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      order.push(id);
      const next = (neighbours.get(id) ?? []).filter((n) => inside.has(n) && !seen.has(n));
      for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]!);
    }
  }
  const count = Math.ceil(order.length / MAX_CLUSTER_TABLES);
  const parts: Group[] = [];
  for (let i = 0, from = 0; i < count; i++) {
    const to = Math.round(((i + 1) * order.length) / count);
    parts.push({ label: `${group.label} (${i + 1}/${count})`, tables: order.slice(from, to) });
    from = to;
  }
  return parts;
}

/**
 * Orders the boxes so that foreign keys between them mostly point forward (referencing box first): columns are
 * filled in this order from left to right, and `dot` draws a key pointing back to an earlier column as a long loop
 * around everything. Kahn's algorithm; on a cycle, the earliest box left goes next.
 */
function flowOrder(parts: readonly Group[], model: ErModel): Group[] {
  const partOf = new Map<string, number>();
  parts.forEach((p, i) => p.tables.forEach((id) => partOf.set(id, i)));
  const next = parts.map(() => new Set<number>());
  const incoming = parts.map(() => 0);
  for (const r of model.relations) {
    const [a, b] = [partOf.get(r.from)!, partOf.get(r.to)!];
    if (a === b || next[a]!.has(b)) continue;
    next[a]!.add(b);
    incoming[b]!++;
  }
  const done = parts.map(() => false);
  const order: Group[] = [];
  while (order.length < parts.length) {
    let i = incoming.findIndex((n, k) => n === 0 && !done[k]);
    if (i < 0) i = done.indexOf(false);
    done[i] = true;
    order.push(parts[i]!);
    for (const b of next[i]!) incoming[b]!--;
  }
  return order;
}

/**
 * The size `dot` will give a box: its tables ranked left to right by the foreign keys inside it (longest path, back
 * edges of cycles ignored), each rank as wide as its widest table and as tall as its tables stacked.
 */
function shapeOf(
  tables: readonly string[],
  model: ErModel,
  byId: Map<string, ErTable>,
  nodeSize: (t: ErTable) => Size,
  framed: boolean,
): { size: Size; sources: string[]; deepest: string; rows: string[][] } {
  const inside = new Set(tables);
  const out = new Map<string, string[]>();
  const referenced = new Set<string>();
  for (const r of model.relations) {
    if (r.from === r.to || !inside.has(r.from) || !inside.has(r.to)) continue;
    out.set(r.from, [...(out.get(r.from) ?? []), r.to]);
    referenced.add(r.to);
  }
  const sorted = [...tables].sort(compare);
  const rows = gridRows(sorted.filter((id) => !referenced.has(id)).map((id) => ({ id, size: nodeSize(byId.get(id)!) })));
  for (const row of rows) row.slice(1).forEach((id, i) => out.set(row[i]!, [...(out.get(row[i]!) ?? []), id]));
  const rank = longestPathRanks(sorted, out);
  const ranks = new Map<number, Size[]>();
  for (const id of sorted) {
    const r = rank.get(id) ?? 0;
    ranks.set(r, [...(ranks.get(r) ?? []), nodeSize(byId.get(id)!)]);
  }
  let width = 0;
  let height = 0;
  for (const sizes of ranks.values()) {
    width += Math.max(...sizes.map((s) => s.width));
    height = Math.max(height, sizes.reduce((h, s) => h + s.height, 0) + NODE_SEPARATION * (sizes.length - 1));
  }
  width += RANK_SEPARATION * (ranks.size - 1);
  const frame = framed ? 2 * CLUSTER_MARGIN : 0;
  const size = { width: width + frame, height: height + frame + (framed ? CLUSTER_LABEL_HEIGHT : 0) };
  const sources = sorted.filter((id) => (rank.get(id) ?? 0) === 0);
  const deepest = sorted.reduce((a, b) => ((rank.get(b) ?? 0) > (rank.get(a) ?? 0) ? b : a));
  return { size, sources, deepest, rows };
}

/** Rows (of two tables or more) for tables that would otherwise stack in one column: about as wide as tall. */
function gridRows(loose: readonly { id: string; size: Size }[]): string[][] {
  if (loose.length < GRID_MIN_TABLES) return [];
  const width = loose.reduce((w, t) => w + t.size.width, 0) / loose.length + RANK_SEPARATION;
  const height = loose.reduce((h, t) => h + t.size.height, 0) / loose.length + NODE_SEPARATION;
  const perRow = Math.max(2, Math.round(Math.sqrt((loose.length * height) / width)));
  const rows: string[][] = [];
  for (let i = 0; i < loose.length; i += perRow) rows.push(loose.slice(i, i + perRow).map((t) => t.id));
  return rows.filter((r) => r.length > 1);
}

function longestPathRanks(ids: readonly string[], out: Map<string, string[]>): Map<string, number> {
  // Depth-first: an edge to a table still on the stack closes a cycle and is ignored.
  const state = new Map<string, "open" | "done">();
  const order: string[] = [];
  const forward = new Map<string, string[]>();
  for (const start of ids) {
    if (state.has(start)) continue;
    const stack: [string, number][] = [[start, 0]];
    state.set(start, "open");
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const [id, i] = top;
      const next = out.get(id)?.[i];
      if (next === undefined) {
        stack.pop();
        state.set(id, "done");
        order.push(id);
        continue;
      }
      top[1] = i + 1;
      if (state.get(next) === "open") continue;
      forward.set(id, [...(forward.get(id) ?? []), next]);
      if (!state.has(next)) (state.set(next, "open"), stack.push([next, 0]));
    }
  }
  const rank = new Map<string, number>();
  for (const id of order.reverse()) {
    const r = rank.get(id) ?? 0;
    rank.set(id, r);
    for (const next of forward.get(id) ?? []) rank.set(next, Math.max(rank.get(next) ?? 0, r + 1));
  }
  return rank;
}

/**
 * Stacks the boxes, in order, into columns: for every column count, the smallest column height that fits them in
 * that many columns; the count whose drawing is nearest TARGET_ASPECT wins.
 */
function arrange(sizes: readonly Size[]): number[][] {
  let best: { columns: number[][]; score: number } | undefined;
  for (let count = 1; count <= sizes.length; count++) {
    const columns = fill(sizes, count);
    const width = columns.reduce((w, c) => w + Math.max(...c.map((i) => sizes[i]!.width)), 0) + 2 * RANK_SEPARATION * (columns.length - 1);
    const height = Math.max(...columns.map((c) => c.reduce((h, i) => h + sizes[i]!.height, 0) + NODE_SEPARATION * (c.length - 1)));
    const score = Math.abs(Math.log(width / height / TARGET_ASPECT));
    if (best === undefined || score < best.score) best = { columns, score };
  }
  return best?.columns ?? [];
}

/** Contiguous columns, at most `count`, each under the smallest height limit that allows it. */
function fill(sizes: readonly Size[], count: number): number[][] {
  const heights = sizes.map((s) => s.height);
  let low = Math.max(...heights);
  let high = heights.reduce((a, b) => a + b + NODE_SEPARATION, 0);
  const pack = (limit: number): number[][] => {
    const columns: number[][] = [];
    let used = Infinity;
    heights.forEach((h, i) => {
      if (used + NODE_SEPARATION + h > limit) (columns.push([i]), (used = h));
      else (columns[columns.length - 1]!.push(i), (used += NODE_SEPARATION + h));
    });
    return columns;
  };
  while (high - low > 1) {
    const mid = (low + high) / 2;
    if (pack(mid).length <= count) high = mid;
    else low = mid;
  }
  return pack(high);
}
