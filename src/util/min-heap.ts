/** A binary min-heap over items compared by `less`; used to pick the next free node of a topological sort. */
export class MinHeap<T> {
  readonly #items: T[] = [];
  constructor(private readonly less: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.#items.length;
  }

  push(item: T): void {
    const items = this.#items;
    items.push(item);
    let c = items.length - 1;
    while (c > 0) {
      const p = (c - 1) >> 1;
      if (!this.less(items[c]!, items[p]!)) break;
      [items[c], items[p]] = [items[p]!, items[c]!];
      c = p;
    }
  }

  pop(): T | undefined {
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
        if (l < items.length && this.less(items[l]!, items[m]!)) m = l;
        if (r < items.length && this.less(items[r]!, items[m]!)) m = r;
        if (m === c) break;
        [items[c], items[m]] = [items[m]!, items[c]!];
        c = m;
      }
    }
    return top;
  }
}
