import type { Catalog, ObjectId } from "../catalog/model.js";
import { MinHeap } from "../util/min-heap.js";
import { STEP_PHASE, STEP_SPLIT } from "./generic.js";
import type { Step } from "./step.js";

/** The steps form a dependency cycle that the planner could not break. */
export class StepCycleError extends Error {
  override readonly name = "StepCycleError";
  constructor(readonly cycle: readonly string[]) {
    super(`cannot order the plan: dependency cycle between ${cycle.join(" -> ")}`);
  }
}

export const REBUILT = "~rebuilt:";

const RANK = { drop: 0, rename: 1, alter: 1, create: 2 } as const;

/** Relations, types and indexes share one namespace: a drop of `view:s.x` must precede a create of `table:s.x`. */
function nameKey(id: ObjectId): string {
  const colon = id.indexOf(":");
  const kind = id.slice(0, colon);
  return ["table", "view", "materialized-view", "sequence", "index", "type"].includes(kind) ? `relation:${id.slice(colon + 1)}` : id;
}

function multimap<V>(pairs: Iterable<readonly [string, V]>): Map<string, V[]> {
  const map = new Map<string, V[]>();
  for (const [k, v] of pairs) {
    const list = map.get(k);
    if (list) list.push(v);
    else map.set(k, [v]);
  }
  return map;
}

/**
 * Orders steps by the dependency graphs of both catalogs: a step that brings an object into its target state comes
 * after the steps that create what it needs (target edges); a step that drops an object comes after the steps that
 * drop or alter whatever depended on it (source edges); a drop comes before a create of the same name. Among free
 * steps, drops first, then alters, then creates, each in the order the planner produced them.
 */
export function orderSteps(steps: readonly Step[], from: Catalog, to: Catalog): Step[] {
  let current = [...steps];
  for (;;) {
    const result = topologicalOrder(current, from, to);
    if (result.ordered) return result.ordered;
    const splittable = result.cycle.find((s) => STEP_SPLIT.has(s));
    if (!splittable) throw new StepCycleError(result.cycle.map((s) => s.why));
    current = current.flatMap((s) => (s === splittable ? STEP_SPLIT.get(splittable)!() : [s]));
  }
}

type TopoResult = { ordered: Step[]; cycle?: undefined } | { ordered?: undefined; cycle: Step[] };

function topologicalOrder(steps: readonly Step[], from: Catalog, to: Catalog): TopoResult {
  const needs = multimap(to.dependencies.map((d) => [d.from, d.to] as const));
  const dependents = multimap(from.dependencies.map((d) => [d.to, d.from] as const));
  // `~rebuilt:<id>`: the step brings <id> into its target state, but by rebuilding it after an earlier step of
  // the same change dropped what it used (an enum's columns): it creates <id> without ending its old needs.
  const creators = multimap(steps.flatMap((s, i) => s.creates.map((id) => [id.startsWith(REBUILT) ? id.slice(REBUILT.length) : id, i] as const)));
  const droppers = multimap(steps.flatMap((s, i) => s.drops.map((id) => [nameKey(id), i] as const)));
  // Who ends an object's need for something: the step that drops it, or else the alter that changes it.
  const exactDroppers = multimap(steps.flatMap((s, i) => s.drops.map((id) => [id, i] as const)));
  const alterers = multimap(steps.flatMap((s, i) => (s.change.action === "alter" ? s.creates : []).map((id) => [id, i] as const)));
  const own = (id: ObjectId): number[] => exactDroppers.get(id) ?? alterers.get(id) ?? [];
  // A column's need may be its default's (see above): dropping or changing the default ends it too.
  const touchers = { get: (id: ObjectId): number[] => (id.startsWith("column:") ? [...own(id), ...own(`default:${id.slice(7)}`)] : own(id)) };

  const successors: Set<number>[] = steps.map(() => new Set());
  const edge = (before: number, after: number): void => {
    if (before !== after) successors[before]!.add(after);
  };
  steps.forEach((s, i) => {
    for (const id of s.creates) {
      // The catalog records what a column's default needs under the column: a default set again needs it too.
      const needed = id.startsWith("default:") ? [...(needs.get(id) ?? []), ...(needs.get(`column:${id.slice(8)}`) ?? [])] : (needs.get(id) ?? []);
      for (const y of needed) for (const t of creators.get(y) ?? []) edge(t, i);
      for (const d of droppers.get(nameKey(id)) ?? []) edge(d, i);
    }
    for (const y of s.requires ?? []) for (const t of creators.get(y) ?? []) edge(t, i);
    for (const x of s.drops) for (const z of dependents.get(x) ?? []) for (const t of touchers.get(z) ?? []) edge(t, i);
  });

  // Default privileges apply to objects created after them: they come last among creates and go first among
  // drops, so every object the plan creates (or the DOWN brings back) starts with the built-in privileges its own
  // GRANT / REVOKE steps are written against.
  const isDefaults = (s: Step): boolean => s.change.object.startsWith("default-privilege:");
  steps.forEach((s, i) => {
    if (!isDefaults(s) || s.change.action === "alter") return;
    steps.forEach((o, j) => {
      if (isDefaults(o) || o.change.action !== s.change.action) return;
      if (s.change.action === "create") edge(j, i);
      else edge(i, j);
    });
  });

  const indegree = steps.map(() => 0);
  for (const set of successors) for (const j of set) indegree[j]!++;
  const phase = (i: number): number => STEP_PHASE.get(steps[i]!) ?? Number.MAX_SAFE_INTEGER;
  const heap = new MinHeap<number>((a, b) => {
    const ra = RANK[steps[a]!.change.action];
    const rb = RANK[steps[b]!.change.action];
    if (ra !== rb) return ra < rb;
    const pa = phase(a);
    const pb = phase(b);
    return pa !== pb ? pa < pb : a < b;
  });
  indegree.forEach((d, i) => d === 0 && heap.push(i));
  const ordered: Step[] = [];
  for (let i = heap.pop(); i !== undefined; i = heap.pop()) {
    ordered.push(steps[i]!);
    for (const j of successors[i]!) if (--indegree[j]! === 0) heap.push(j);
  }
  if (ordered.length !== steps.length) return { cycle: findCycle(successors, indegree).map((i) => steps[i]!) };
  return { ordered };
}

/** One cycle among the steps left with unmet dependencies, in order. */
function findCycle(successors: readonly Set<number>[], indegree: readonly number[]): number[] {
  const left = new Set(indegree.flatMap((d, i) => (d > 0 ? [i] : [])));
  const predecessor = new Map<number, number>();
  successors.forEach((set, from) => {
    if (!left.has(from)) return;
    for (const to of set) if (left.has(to) && !predecessor.has(to)) predecessor.set(to, from);
  });
  let node = left.values().next().value as number;
  const seen = new Map<number, number>();
  const path: number[] = [];
  while (!seen.has(node)) {
    seen.set(node, path.length);
    path.push(node);
    node = predecessor.get(node)!;
  }
  return path.slice(seen.get(node)).reverse();
}
