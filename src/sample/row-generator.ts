/**
 * One row of a table's plan: foreign keys first (widest first, each parent row chosen to agree with the columns
 * already set), then every other column from its kind, name and the row's CHECK facts, drawn again while it
 * collides with a unique key already taken.
 */
import type { Faker } from "@faker-js/faker";
import { copyBounds, gatherBounds, NO_BOUNDS, type RowBounds } from "./column-bounds.js";
import type { KeptRows } from "./kept-rows.js";
import type { Random } from "./random.js";
import { pickAlternative } from "./table-choices.js";
import { canBeNull, type ForeignKeyPlan, type TablePlan } from "./table-plan.js";
import { UniqueTracker } from "./unique-keys.js";
import { generateValue } from "./value-generator.js";

/** Share of rows whose nullable foreign key is left NULL. */
const NULL_REFERENCE = 0.2;
/** Draws of one row while it collides with a unique key. */
const UNIQUE_DRAWS = 8;

export interface RowHints {
  /** Nullable columns to leave NULL (those of a constraint that rejected the row before). */
  readonly nullColumns?: ReadonlySet<string>;
  /** Make unique text columns distinct with a suffix from the start. */
  readonly suffix?: boolean;
}

export interface DrawnRow {
  readonly values: ReadonlyMap<string, string | null>;
  /** Parent rows an exclusive foreign key used: taken once the row is accepted. */
  readonly claims: readonly { readonly key: string; readonly index: number }[];
}

export class RowGenerator {
  readonly #unique: UniqueTracker;
  readonly #claimed = new Map<string, Set<number>>();
  #sequence: number;
  #window = 0;
  #suffix = 1;

  constructor(
    readonly plan: TablePlan,
    readonly faker: Faker,
    readonly random: Random,
    readonly kept: (table: string) => KeptRows | undefined,
    sequenceStart = 1,
  ) {
    this.#unique = new UniqueTracker(plan.uniqueKeys);
    this.#sequence = sequenceStart;
  }

  /** A row that collides with no key taken so far (if one is found in a few draws); its keys are then taken. */
  next(hints: RowHints = {}): DrawnRow {
    let row = this.#draw(hints, hints.suffix === true);
    for (let draw = 1; draw < UNIQUE_DRAWS && this.#unique.conflict(row.values); draw++) {
      row = this.#draw(hints, draw >= 2 || hints.suffix === true);
    }
    this.#unique.add(row.values);
    for (const c of row.claims) {
      let set = this.#claimed.get(c.key);
      if (!set) this.#claimed.set(c.key, (set = new Set()));
      set.add(c.index);
    }
    return row;
  }

  /** A row the database refused gives its parent rows back to its exclusive foreign keys. */
  release(row: DrawnRow): void {
    for (const c of row.claims) this.#claimed.get(c.key)?.delete(c.index);
  }

  #draw(hints: RowHints, suffix: boolean): DrawnRow {
    const { plan, random, faker } = this;
    const values = new Map<string, string | null>();
    const ords = new Map<string, number>();
    const claims: { key: string; index: number }[] = [];
    const bounds = this.#rowBounds();
    const selfPointers: ForeignKeyPlan[] = [];
    // A row's CHECK branch may want a foreign key column NULL (or not): the key is resolved knowing it.
    const nullColumns = new Set(hints.nullColumns);
    const notNullColumns = new Set<string>();
    for (const [column, b] of bounds) {
      if (b.isNull === true) nullColumns.add(column);
      else if (b.isNull === false) notNullColumns.add(column);
    }
    for (const fk of plan.foreignKeys) {
      const outcome = this.#resolve(fk, values, { nullColumns, notNullColumns }, claims);
      if (outcome === "self") selfPointers.push(fk);
    }
    const sequence = this.#sequence++;
    const window = this.#window++;
    const suffixValue = suffix ? this.#suffix++ : undefined;
    for (const spec of plan.columns) {
      if (values.has(spec.name)) continue;
      const b = bounds.get(spec.name) ?? NO_BOUNDS;
      const mayBeNull = !spec.notNull && b.isNull !== false;
      if (mayBeNull && (b.isNull === true || hints.nullColumns?.has(spec.name) || random.chance(spec.nullChance))) {
        values.set(spec.name, null);
        continue;
      }
      const generated = generateValue(spec, {
        faker, random, bounds: b, window, sequence,
        known: (c) => ords.get(c),
        ...(suffixValue !== undefined && spec.unique ? { suffix: suffixValue } : {}),
      });
      values.set(spec.name, generated?.text ?? null);
      if (generated?.ord !== undefined) ords.set(spec.name, generated.ord);
    }
    // A NOT NULL self-reference with no earlier row: the row points at itself.
    for (const fk of selfPointers) fk.columns.forEach((c, i) => values.set(c, values.get(fk.parentColumns[i]!) ?? null));
    return { values, claims };
  }

  #rowBounds(): RowBounds {
    if (this.plan.choices.length === 0) return this.plan.bounds;
    const atoms = this.plan.choices.flatMap((choice) => pickAlternative(choice, this.random));
    return gatherBounds(atoms, copyBounds(this.plan.bounds));
  }

  /** Sets the key's columns from a parent row, or to NULL; `"self"` when the row must point at itself. */
  #resolve(
    fk: ForeignKeyPlan,
    values: Map<string, string | null>,
    wanted: { readonly nullColumns: ReadonlySet<string>; readonly notNullColumns: ReadonlySet<string> },
    claims: { key: string; index: number }[],
  ): "set" | "null" | "self" | "open" {
    const unset = fk.columns.filter((c) => !values.has(c));
    if (unset.length === 0) return "set";
    if (fk.columns.some((c) => values.get(c) === null) && !fk.matchFull) return "open"; // not checked: any values do
    const parent = fk.parent === undefined ? undefined : this.kept(fk.parent);
    const nullable = canBeNull(fk) && unset.some((c) => fk.nullable.includes(c) && !wanted.notNullColumns.has(c));
    const setNull = (): "null" => {
      const columns = fk.matchFull ? fk.columns : unset.filter((u) => fk.nullable.includes(u) && !wanted.notNullColumns.has(u));
      for (const c of columns) values.set(c, null);
      return "null";
    };
    if (nullable && (parent === undefined || parent.rows.length === 0 || this.random.chance(NULL_REFERENCE) || unset.some((c) => wanted.nullColumns.has(c)))) {
      return setNull();
    }
    if (parent === undefined) return "open";
    const fixedColumns = fk.columns.filter((c) => values.has(c));
    const candidates = fixedColumns.length === 0 ? parent.rows.length : parent.matching(
      fixedColumns.map((c) => fk.parentColumns[fk.columns.indexOf(c)]!),
      fixedColumns.map((c) => values.get(c)!),
    );
    const claimed = fk.exclusive ? this.#claimed.get(fk.name) : undefined;
    // A parent row with NULL in a referenced column (a nullable UNIQUE) cannot be pointed at.
    const usable = (i: number): boolean => !claimed?.has(i) && fk.parentColumns.every((c) => parent.rows[i]![c] !== null);
    const index = this.#pick(candidates, usable);
    if (index === undefined) {
      if (fk.self && parent.rows.length === 0 && !nullable) return "self";
      return nullable ? setNull() : "open";
    }
    const row = parent.rows[index]!;
    fk.columns.forEach((c, i) => values.set(c, row[fk.parentColumns[i]!] ?? null));
    if (fk.exclusive) claims.push({ key: fk.name, index });
    return "set";
  }

  /** A random usable candidate (a list of row positions, or all `n` rows). */
  #pick(candidates: readonly number[] | number, usable: (index: number) => boolean): number | undefined {
    const count = typeof candidates === "number" ? candidates : candidates.length;
    const at = (i: number): number => (typeof candidates === "number" ? i : candidates[i]!);
    for (let t = 0; t < Math.min(count, 8); t++) {
      const c = at(Math.floor(this.random.next() * count));
      if (usable(c)) return c;
    }
    const free: number[] = [];
    for (let i = 0; i < count; i++) if (usable(at(i))) free.push(at(i));
    return free.length === 0 ? undefined : free[Math.floor(this.random.next() * free.length)];
  }
}
