import type { QualifiedName, Sequence, SequenceOptions } from "../../catalog/model.js";
import type { PlanContext } from "../context.js";
import { objectId } from "../../catalog/object-id.js";
import { ident, qname } from "../../sql/ident.js";
import { breaking } from "../breaking.js";
import { dropStep } from "../generic.js";
import { hazard } from "../hazards.js";
import { verifyAbsent } from "../verify.js";
import type { Step } from "../step.js";
import { alterStep } from "./common.js";
import { simpleKind } from "./simple.js";

/** Every option written out, so ALTER SEQUENCE states the whole target whatever the source held. */
export function allSequenceOptions(s: SequenceOptions, withType: boolean): string {
  return [
    ...(withType ? [`AS ${s.dataType}`] : []),
    `INCREMENT BY ${s.increment}`,
    `MINVALUE ${s.min}`,
    `MAXVALUE ${s.max}`,
    `START WITH ${s.start}`,
    `CACHE ${s.cache}`,
    s.cycle ? "CYCLE" : "NO CYCLE",
  ].join(" ");
}

function optionsStep(f: Sequence, t: Sequence): Step[] {
  const id = objectId.sequence(t);
  // Bounds that narrow may leave the current value outside them: start again from the new start.
  const narrows = (a: Sequence, b: Sequence): boolean => BigInt(b.min) > BigInt(a.min) || BigInt(b.max) < BigInt(a.max);
  const sql = (s: Sequence, before: Sequence): string =>
    `ALTER SEQUENCE ${qname(t)} ${allSequenceOptions(s, true)}${narrows(before, s) ? " RESTART" : ""};`;
  return [
    alterStep({
      why: `change options of sequence ${qname(t)}`,
      object: id,
      detail: "options",
      up: [sql(t, f)],
      down: [sql(f, t)],
      hazards: [hazard("values-change", `new values of sequence ${qname(t)} follow the new options`)],
    }),
  ];
}

const OPTION_FIELDS = ["dataType", "start", "increment", "min", "max", "cache", "cycle"] as const;

/** Options alter together: the first changed field writes the one statement, the others add nothing. */
const optionHandler =
  (field: (typeof OPTION_FIELDS)[number]) =>
  (f: Sequence, t: Sequence): Step[] => {
    const first = OPTION_FIELDS.find((k) => f[k] !== t[k]);
    return first === field ? optionsStep(f, t) : [];
  };

export const sequencesKind = simpleKind<"sequences">(
  (s) => ({ comment: `SEQUENCE ${qname(s)}`, alter: `ALTER SEQUENCE ${qname(s)}`, grant: ["SEQUENCE", qname(s)] }),
  {
    ...Object.fromEntries(OPTION_FIELDS.map((k) => [k, optionHandler(k)])),
    ownedBy: (f, t, _ctx, id) => {
      const sql = (s: Sequence): string =>
        `ALTER SEQUENCE ${qname(t)} OWNED BY ${s.ownedBy ? `${qname(s.ownedBy.table)}.${ident(s.ownedBy.column)}` : "NONE"};`;
      return [
        alterStep({
          why: `set sequence ${qname(t)} owned by ${t.ownedBy ? `${qname(t.ownedBy.table)}.${t.ownedBy.column}` : "none"}`,
          object: id,
          detail: "owned-by",
          up: [sql(t)],
          down: [sql(f)],
          requires: t.ownedBy ? [objectId.column(t.ownedBy.table, t.ownedBy.column)] : [],
        }),
      ];
    },
    unlogged: (f, t, _ctx, id) => {
      const sql = (s: Sequence): string => `ALTER SEQUENCE ${qname(t)} SET ${s.unlogged ? "UNLOGGED" : "LOGGED"};`;
      return [alterStep({ why: `set sequence ${qname(t)} ${t.unlogged ? "unlogged" : "logged"}`, object: id, detail: "logged", up: [sql(t)], down: [sql(f)] })];
    },
  },
  {
    // Dropping a sequence loses its position: recreated, it starts over.
    drop: (entry, ctx, implied) =>
      dropStep(entry, ctx, implied, {
        lost: `the position of sequence ${qname(entry.object)}`,
        verify: verifyAbsent(entry),
        // serial → identity: the identity column's sequence takes the name, so readers still find one.
        breaking: identitySequenceNamed(entry.object, ctx) ? [] : [breaking("relation-removed", `${qname(entry.object)} no longer exists`)],
      }),
  },
);

const identitySequenceNamed = (q: QualifiedName, ctx: PlanContext): boolean =>
  ctx.to.tables.some((t) => t.schema === q.schema && t.columns.some((c) => c.identity?.sequenceName === q.name));
