/**
 * Facts decided per row rather than once per table: the branch of an OR in a CHECK, and the partition a row of a
 * partitioned table without a DEFAULT partition goes to.
 */
import type { Table } from "../catalog/model.js";
import type { PgParser } from "../sql/parser.js";
import type { Atom, Constant } from "./check-atoms.js";
import { columnName, constant, field, list, parseExpression, parseStatement } from "./pg-node.js";
import type { Random } from "./random.js";

/** One choice: satisfy all atoms of one alternative. */
export type Choice = readonly (readonly Atom[])[];

/**
 * The partitions as alternatives on the partition key; `undefined` when any row fits (a DEFAULT partition, hash
 * partitioning) or the key is not a single column.
 */
export function partitionChoice(parser: PgParser, table: Table, partitions: readonly Table[]): Choice | undefined {
  if (!table.partitioning || table.partitioning.strategy === "hash") return undefined;
  if (partitions.some((p) => p.partitionOf?.bound === "DEFAULT")) return undefined;
  const m = /^\w+ \((.*)\)$/.exec(table.partitioning.key);
  const column = m ? columnName(parseExpression(parser, m[1]!)) : undefined;
  if (column === undefined) return undefined;
  const alternatives: Atom[][] = [];
  for (const p of partitions) {
    const statement = parseStatement(parser, `CREATE TABLE x PARTITION OF y ${p.partitionOf!.bound}`);
    const bound = statement ? field(statement[1], "partbound") : undefined;
    if (!bound) continue;
    if (bound.strategy === "l") {
      const values = list(bound, "listdatums").map(constant).filter((v): v is Constant => v !== undefined);
      if (values.length > 0) alternatives.push([{ kind: "in", column, values, negated: false }]);
    } else if (bound.strategy === "r") {
      const atoms: Atom[] = [];
      const from = constant(list(bound, "lowerdatums")[0]);
      const to = constant(list(bound, "upperdatums")[0]);
      if (from !== undefined) atoms.push({ kind: "compare", column, op: ">=", value: from });
      if (to !== undefined) atoms.push({ kind: "compare", column, op: "<", value: to });
      alternatives.push(atoms);
    }
  }
  return alternatives.length > 0 ? alternatives : undefined;
}

/** An alternative, preferring those that force fewer NULLs (so nullable columns still get data). */
export function pickAlternative(choice: Choice, random: Random): readonly Atom[] {
  const weights = choice.map((atoms) => 4 >> Math.min(2, atoms.filter((a) => a.kind === "null" && a.isNull).length));
  let r = random.next() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < choice.length; i++) {
    r -= weights[i]!;
    if (r < 0) return choice[i]!;
  }
  return choice.at(-1)!;
}
