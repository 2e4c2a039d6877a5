import type { Dependency, ObjectId } from "../../catalog/model.js";
import { type DdlPiece, PHASES } from "./piece.js";

/** The DDL pieces form a dependency cycle that no piece can be split to break. */
export class DependencyCycleError extends Error {
  override readonly name = "DependencyCycleError";
  constructor(readonly cycle: readonly string[]) {
    super(`cannot order DDL: dependency cycle ${cycle.join(" -> ")}`);
  }
}

const phaseRank = new Map<string, number>(PHASES.map((p, i) => [p, i]));

/**
 * Orders pieces so that every object is created after what it needs (catalog edges plus each piece's `requires`).
 * Among pieces free to go, the earlier phase and then the smaller key goes first, so the output is deterministic.
 * A cycle is broken by splitting one of its pieces (see `DdlPiece.split`); a cycle nothing can split is an error.
 */
export function orderPieces(pieces: readonly DdlPiece[], dependencies: readonly Dependency[]): DdlPiece[] {
  const needs = new Map<ObjectId, ObjectId[]>();
  for (const d of dependencies) {
    const list = needs.get(d.from);
    if (list) list.push(d.to);
    else needs.set(d.from, [d.to]);
  }
  let current = [...pieces];
  for (;;) {
    const result = topologicalOrder(current, needs);
    if (result.ordered) return result.ordered;
    const splittable = result.cycle.find((p) => p.split !== undefined);
    if (!splittable) throw new DependencyCycleError(result.cycle.map((p) => p.key));
    current = current.flatMap((p) => (p === splittable ? [...p.split!()] : [p]));
  }
}

type TopoResult = { ordered: DdlPiece[]; cycle?: undefined } | { ordered?: undefined; cycle: DdlPiece[] };

function topologicalOrder(pieces: readonly DdlPiece[], needs: ReadonlyMap<ObjectId, readonly ObjectId[]>): TopoResult {
  const creator = new Map<ObjectId, number>();
  pieces.forEach((p, i) => {
    for (const id of p.creates) if (!creator.has(id)) creator.set(id, i);
  });
  const successors: number[][] = pieces.map(() => []);
  const indegree = new Array<number>(pieces.length).fill(0);
  pieces.forEach((p, i) => {
    const before = new Set<number>();
    const add = (id: ObjectId): void => {
      const c = creator.get(id);
      if (c !== undefined && c !== i) before.add(c);
    };
    p.requires.forEach(add);
    for (const id of p.creates) needs.get(id)?.forEach(add);
    for (const b of before) {
      successors[b]!.push(i);
      indegree[i]!++;
    }
  });

  const heap = new PieceHeap(pieces);
  indegree.forEach((d, i) => d === 0 && heap.push(i));
  const ordered: DdlPiece[] = [];
  for (let i = heap.pop(); i !== undefined; i = heap.pop()) {
    ordered.push(pieces[i]!);
    for (const s of successors[i]!) if (--indegree[s]! === 0) heap.push(s);
  }
  if (ordered.length === pieces.length) return { ordered };
  return { cycle: findCycle(pieces, successors, indegree) };
}

/** A cycle among the pieces left with unmet dependencies (each of them has a predecessor that is also left). */
function findCycle(pieces: readonly DdlPiece[], successors: readonly number[][], indegree: readonly number[]): DdlPiece[] {
  const left = new Set(indegree.flatMap((d, i) => (d > 0 ? [i] : [])));
  const predecessors = new Map<number, number>();
  successors.forEach((list, from) => {
    if (!left.has(from)) return;
    for (const to of list) if (left.has(to) && !predecessors.has(to)) predecessors.set(to, from);
  });
  // Walk predecessors from any stuck piece until one repeats: the repeated stretch is a cycle.
  let node = left.values().next().value as number;
  const seen = new Map<number, number>();
  const path: number[] = [];
  while (!seen.has(node)) {
    seen.set(node, path.length);
    path.push(node);
    node = predecessors.get(node)!;
  }
  return path.slice(seen.get(node)).reverse().map((i) => pieces[i]!);
}

/** A binary min-heap of piece indexes by (phase, key, index). */
class PieceHeap {
  readonly #items: number[] = [];
  constructor(readonly pieces: readonly DdlPiece[]) {}

  #less(a: number, b: number): boolean {
    const pa = this.pieces[a]!;
    const pb = this.pieces[b]!;
    const ra = phaseRank.get(pa.phase)!;
    const rb = phaseRank.get(pb.phase)!;
    if (ra !== rb) return ra < rb;
    if (pa.key !== pb.key) return pa.key < pb.key;
    return a < b;
  }

  push(i: number): void {
    const items = this.#items;
    items.push(i);
    let c = items.length - 1;
    while (c > 0) {
      const p = (c - 1) >> 1;
      if (!this.#less(items[c]!, items[p]!)) break;
      [items[c], items[p]] = [items[p]!, items[c]!];
      c = p;
    }
  }

  pop(): number | undefined {
    const items = this.#items;
    if (items.length === 0) return undefined;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let c = 0;
      for (;;) {
        const l = 2 * c + 1;
        const r = l + 1;
        let m = c;
        if (l < items.length && this.#less(items[l]!, items[m]!)) m = l;
        if (r < items.length && this.#less(items[r]!, items[m]!)) m = r;
        if (m === c) break;
        [items[c], items[m]] = [items[m]!, items[c]!];
        c = m;
      }
    }
    return top;
  }
}
