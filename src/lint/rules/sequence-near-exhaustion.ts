import { INTEGER_RANGE } from "../../catalog/integer-range.js";
import type { Catalog, SequenceOptions, Table } from "../../catalog/model.js";
import { ident, qualified } from "../../sql/ident.js";
import { defineRule } from "../rule.js";
import { numberOption } from "../rules-support/live.js";

const rangeOf = (type: string): readonly [bigint, bigint] | undefined => (type in INTEGER_RANGE ? INTEGER_RANGE[type as keyof typeof INTEGER_RANGE] : undefined);

/** A sequence as the catalog knows it: its options and, when it feeds one, the column. */
interface Fed {
  readonly options: SequenceOptions;
  readonly table?: Table;
  readonly column?: string;
  readonly identity: boolean;
}

function findSequence(catalog: Catalog, schema: string, name: string): Fed | undefined {
  const seq = catalog.sequences.find((s) => s.schema === schema && s.name === name);
  if (seq) {
    const table = seq.ownedBy && catalog.tables.find((t) => t.schema === seq.ownedBy!.table.schema && t.name === seq.ownedBy!.table.name);
    return { options: seq, identity: false, ...(table ? { table, column: seq.ownedBy!.column } : {}) };
  }
  for (const table of catalog.tables) {
    if (table.schema !== schema) continue;
    const column = table.columns.find((c) => c.identity?.sequenceName === name);
    if (column?.identity) return { options: column.identity, table, column: column.name, identity: true };
  }
  return undefined;
}

export default defineRule({
  id: "sequence-near-exhaustion",
  severity: "error",
  docs: {
    summary:
      "A sequence (serial, identity or plain) that has used more than `threshold` (default 0.75) of its range: the smaller of its own maximum and the maximum of the column it feeds.",
    why: "When a sequence reaches its maximum, `nextval` fails and so does every insert into the table: an outage at a moment nobody chose. A serial `integer` key runs out at 2 147 483 647, and widening it then means rewriting the table (and every referencing column) under an ACCESS EXCLUSIVE lock while inserts are failing. Cycling sequences are left out: they wrap by design.",
    fix: "Widen early, at a quiet time: `ALTER TABLE … ALTER COLUMN … TYPE bigint` (a rewrite: on a big table, add a bigint column, backfill in batches and swap instead), the referencing columns with it, and `ALTER SEQUENCE … AS bigint` for a sequence declared narrower than its column.",
  },
  live: (catalog, stats, context) => {
    const threshold = Math.min(numberOption(context, "threshold", 0.75), 1);
    return stats.sequences.flatMap((s) => {
      if (s.lastValue === undefined) return [];
      const fed = findSequence(catalog, s.schema, s.name);
      if (!fed || fed.options.cycle) return [];
      const column = fed.table?.columns.find((c) => c.name === fed.column);
      const [columnMin, columnMax] = (column && rangeOf(column.type)) ?? [undefined, undefined];
      const last = BigInt(s.lastValue);
      const [min, max, increment] = [BigInt(fed.options.min), BigInt(fed.options.max), BigInt(fed.options.increment)];
      // Ascending, it counts from min up to the lower of its max and the column's; descending, from max down.
      const high = columnMax !== undefined && columnMax < max ? columnMax : max;
      const low = columnMin !== undefined && columnMin > min ? columnMin : min;
      const [used, range, end] = increment > 0n ? [last - min, high - min, high] : [max - last, max - low, low];
      if (range <= 0n) return [];
      const fraction = Number((used * 1_000_000n) / range) / 1_000_000;
      if (fraction <= threshold) return [];
      const feeds = fed.table && fed.column ? ` feeding ${fed.table.schema}.${fed.table.name}.${fed.column} (${column?.type ?? "?"})` : "";
      const widen: string[] = [];
      if (fed.table && fed.column && column && column.type !== "bigint" && columnMax !== undefined) {
        widen.push(`ALTER TABLE ${qualified(fed.table.schema, fed.table.name)} ALTER COLUMN ${ident(fed.column)} TYPE bigint;`);
      }
      // An identity sequence follows its column's type; a serial's (or a plain) sequence keeps its own.
      if (fed.options.dataType !== "bigint" && !fed.identity && BigInt(fed.options.max) === INTEGER_RANGE[fed.options.dataType][1]) {
        widen.push(`ALTER SEQUENCE ${qualified(s.schema, s.name)} AS bigint;`);
      }
      return [
        {
          message: `sequence ${s.schema}.${s.name}${feeds} is at ${s.lastValue}, ${(fraction * 100).toFixed(1)} % of its range up to ${end}: inserts fail when it runs out`,
          object: `${s.schema}.${s.name}`,
          ...(widen.length > 0 ? { fix: { title: "widen to bigint (rewrites the table: plan it)", sql: widen.join("\n") } } : {}),
        },
      ];
    });
  },
});
