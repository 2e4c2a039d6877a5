/**
 * The inserted rows' values of the columns foreign keys point at, per table, with lookups by any subset of them
 * (a composite key whose shared column is already set needs the parent rows that agree with it).
 */
export type KeptRow = Readonly<Record<string, string | null>>;

export class KeptRows {
  readonly rows: KeptRow[] = [];
  readonly #indexes = new Map<string, { built: number; map: Map<string, number[]> }>();

  add(row: KeptRow): void {
    this.rows.push(row);
  }

  /** Positions of the rows whose `columns` hold `values` (at least one column). */
  matching(columns: readonly string[], values: readonly (string | null)[]): readonly number[] {
    const id = columns.join("\u0000");
    let index = this.#indexes.get(id);
    if (!index) this.#indexes.set(id, (index = { built: 0, map: new Map() }));
    for (; index.built < this.rows.length; index.built++) {
      const row = this.rows[index.built]!;
      const key = columns.map((c) => row[c] ?? "\u0001").join("\u0000");
      const list = index.map.get(key);
      if (list) list.push(index.built);
      else index.map.set(key, [index.built]);
    }
    return index.map.get(values.map((v) => v ?? "\u0001").join("\u0000")) ?? [];
  }
}
