/**
 * Foreign keys where a cycle was cut, pointed at their parent's rows once it is filled. A nullable one: most child
 * rows are updated (the rest stay NULL). A NOT NULL, DEFERRABLE one: the child's rows went in with the key deferred
 * and placeholder values; every row is updated and the key is checked (SET CONSTRAINTS … IMMEDIATE), all of it under
 * a SAVEPOINT taken before the child was filled, so a failure takes back only the tables filled since.
 */
import type { Queryable } from "../db/queryable.js";
import { ident, qname, qualified } from "../sql/ident.js";
import type { RowLocation } from "./fill-table.js";
import type { KeptRows } from "./kept-rows.js";
import type { Random } from "./random.js";
import type { ForeignKeyPlan, TablePlan } from "./table-plan.js";

/** Share of a nullable cut key's rows left NULL, as elsewhere. */
const NULL_SHARE = 0.2;

export interface PendingKey {
  readonly child: TablePlan;
  readonly key: ForeignKeyPlan;
  readonly savepoint: string;
  /** How many tables had been reported when the savepoint was taken. */
  readonly since: number;
  locations: readonly RowLocation[];
}

export function constraintName(child: TablePlan, key: ForeignKeyPlan): string {
  return qualified(child.table.schema, key.name);
}

/** Points every child row at a parent row, then has the key checked; throws what the database says. */
export async function pointDeferredKey(tx: Queryable, pending: PendingKey, parent: KeptRows, random: Random): Promise<void> {
  const { key, child } = pending;
  const usable = parent.rows.map((_, i) => i).filter((i) => key.parentColumns.every((c) => parent.rows[i]![c] !== null));
  // Text parameters read by the column's type, as in every insert (drivers serialize typed parameters their own way).
  const typeOf = (c: string): string => child.columns.find((s) => s.name === c)?.type ?? "text";
  const set = `(${key.columns.map(ident).join(", ")}) = ROW(${key.columns.map((c, i) => `$${i + 1}::text::${typeOf(c)}`).join(", ")})`;
  const n = key.columns.length;
  const update = `UPDATE ${qname(child.table)} SET ${set} WHERE tableoid = $${n + 1}::text::oid AND ctid = $${n + 2}::text::tid`;
  // An exclusive key (1:1) takes each parent row once, in a shuffled order.
  const order = key.exclusive ? shuffle(usable, random) : undefined;
  for (let i = 0; i < pending.locations.length; i++) {
    if (key.cycle === "nullable" && random.chance(NULL_SHARE)) continue;
    const pick = order ? order[i] : usable[Math.floor(random.next() * usable.length)];
    if (pick === undefined) break;
    const row = parent.rows[pick]!;
    await tx.query(update, [...key.parentColumns.map((c) => row[c] ?? null), ...pending.locations[i]!]);
  }
  if (key.cycle === "deferred") await tx.exec(`SET CONSTRAINTS ${constraintName(child, key)} IMMEDIATE`);
}

function shuffle(items: readonly number[], random: Random): number[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
