import type { Dependency, ObjectId } from "../../catalog/model.js";
import { MinHeap } from "../../util/min-heap.js";
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
  const needs = needsOf(dependencies);
  let current = [...pieces];
  for (;;) {
    const result = topologicalOrder(current, needs);
    if (result.ordered) return result.ordered;
    const splittable = result.cycle.find((p) => p.split !== undefined);
    if (!splittable) throw new DependencyCycleError(result.cycle.map((p) => p.key));
    current = current.flatMap((p) => (p === splittable ? [...p.split!()] : [p]));
  }
}

const NEEDS = new WeakMap<readonly Dependency[], Map<ObjectId, ObjectId[]>>();

/** Edges by their `from` end; cached per dependency list, since a plan orders many small sets of pieces. */
function needsOf(dependencies: readonly Dependency[]): ReadonlyMap<ObjectId, readonly ObjectId[]> {
  let needs = NEEDS.get(dependencies);
  if (needs) return needs;
  needs = new Map<ObjectId, ObjectId[]>();
  for (const d of dependencies) {
    const list = needs.get(d.from);
    if (list) list.push(d.to);
    else needs.set(d.from, [d.to]);
  }
  NEEDS.set(dependencies, needs);
  return needs;
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

  const heap = pieceHeap(pieces);
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

/** Piece indexes by (phase, key, index). */
function pieceHeap(pieces: readonly DdlPiece[]): MinHeap<number> {
  return new MinHeap<number>((a, b) => {
    const pa = pieces[a]!;
    const pb = pieces[b]!;
    const ra = phaseRank.get(pa.phase)!;
    const rb = phaseRank.get(pb.phase)!;
    if (ra !== rb) return ra < rb;
    if (pa.key !== pb.key) return pa.key < pb.key;
    return a < b;
  });
}
