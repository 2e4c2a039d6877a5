/**
 * The order tables are filled in: parents before children. A cycle is broken at a foreign key that may be NULL
 * (its child is filled first and leaves it NULL), else at a DEFERRABLE one (the child is filled first with the key
 * deferred and pointed at the parent's rows once they exist); a cycle of NOT NULL, NOT DEFERRABLE keys leaves its
 * tables unfilled, with the cycle as the reason. Self-references are no edges here: a table's later rows point at its earlier ones.
 */
import { MinHeap } from "../util/min-heap.js";

export interface OrderEdge {
  readonly child: string;
  readonly parent: string;
  /** The foreign key's name (unique per child). */
  readonly key: string;
  /** The child can leave the key NULL. */
  readonly nullable: boolean;
  readonly deferrable: boolean;
}

export interface TableOrder {
  readonly order: readonly string[];
  /** `child/key` of the edges removed to break cycles: the child comes first and leaves them NULL. */
  readonly broken: ReadonlySet<string>;
  /** `child/key` of DEFERRABLE NOT NULL edges removed to break cycles: the child comes first, the key deferred. */
  readonly deferred: ReadonlySet<string>;
  /** Tables in a cycle of NOT NULL foreign keys, with the cycle. */
  readonly stuck: ReadonlyMap<string, string>;
}

export function edgeId(child: string, key: string): string {
  return `${child}/${key}`;
}

export function orderTables(tables: readonly string[], allEdges: readonly OrderEdge[]): TableOrder {
  const nodes = new Set(tables);
  let edges = allEdges.filter((e) => e.child !== e.parent && nodes.has(e.child) && nodes.has(e.parent));
  const broken = new Set<string>();
  const deferred = new Set<string>();
  const stuck = new Map<string, string>();
  for (;;) {
    const cycle = stronglyConnected([...nodes].sort(), edges).find((c) => c.length > 1);
    if (cycle === undefined) break;
    const members = new Set(cycle);
    const inCycle = edges
      .filter((e) => members.has(e.child) && members.has(e.parent))
      .sort((a, b) => edgeId(a.child, a.key).localeCompare(edgeId(b.child, b.key)));
    const breakable = inCycle.find((e) => e.nullable) ?? inCycle.find((e) => e.deferrable);
    if (breakable) {
      (breakable.nullable ? broken : deferred).add(edgeId(breakable.child, breakable.key));
      edges = edges.filter((e) => e !== breakable);
      continue;
    }
    const reason = `foreign-key cycle of NOT NULL, NOT DEFERRABLE keys: ${cycle.join(" → ")} → ${cycle[0]}`;
    for (const t of cycle) {
      stuck.set(t, reason);
      nodes.delete(t);
    }
    edges = edges.filter((e) => nodes.has(e.child) && nodes.has(e.parent));
  }
  return { order: topological([...nodes], edges), broken, deferred, stuck };
}

/** Kahn's algorithm; among ready tables the smallest name first, so the order is stable. */
function topological(nodes: readonly string[], edges: readonly OrderEdge[]): string[] {
  const waiting = new Map<string, number>(nodes.map((n) => [n, 0]));
  const children = new Map<string, string[]>();
  for (const e of edges) {
    waiting.set(e.child, (waiting.get(e.child) ?? 0) + 1);
    children.set(e.parent, [...(children.get(e.parent) ?? []), e.child]);
  }
  const ready = new MinHeap<string>((a, b) => a < b);
  for (const [n, count] of waiting) if (count === 0) ready.push(n);
  const order: string[] = [];
  for (let n = ready.pop(); n !== undefined; n = ready.pop()) {
    order.push(n);
    for (const c of children.get(n) ?? []) {
      const left = waiting.get(c)! - 1;
      waiting.set(c, left);
      if (left === 0) ready.push(c);
    }
  }
  return order;
}

/** Tarjan's strongly connected components (iterative: schemas have long chains). */
function stronglyConnected(nodes: readonly string[], edges: readonly OrderEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.child, [...(next.get(e.child) ?? []), e.parent]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; i: number }[] = [{ node: root, i: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work.at(-1)!;
      const targets = next.get(frame.node) ?? [];
      if (frame.i < targets.length) {
        const t = targets[frame.i++]!;
        if (!index.has(t)) {
          index.set(t, counter);
          low.set(t, counter++);
          stack.push(t);
          onStack.add(t);
          work.push({ node: t, i: 0 });
        } else if (onStack.has(t)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(t)!));
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component.sort());
      }
    }
  }
  return components;
}
