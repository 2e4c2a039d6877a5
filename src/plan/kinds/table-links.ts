import type { QualifiedName, Table } from "../../catalog/model.js";
import { objectId } from "../../catalog/object-id.js";
import { qname } from "../../sql/ident.js";
import { breaking } from "../breaking.js";
import { hazard } from "../hazards.js";
import type { Step } from "../step.js";
import { relationCondition, verifyQuery } from "../verify.js";
import { alterStep } from "./common.js";

/**
 * What ties a table to others and ALTER TABLE changes in place, keeping the rows: a partition attached or
 * detached (`ATTACH/DETACH PARTITION`), parents by inheritance (`INHERIT / NO INHERIT`), a row type (`OF / NOT OF`).
 * Detaching comes before the table's other changes, attaching after them (`links.before` / `links.after`).
 */
export function tableLinkSteps(f: Table, t: Table): { before: Step[]; after: Step[] } {
  const before: Step[] = [];
  const after: Step[] = [];
  const fromBound = f.partitionOf;
  const toBound = t.partitionOf;
  if (JSON.stringify(fromBound ?? null) !== JSON.stringify(toBound ?? null)) {
    if (fromBound) before.push(detachStep(f, fromBound.parent, fromBound.bound));
    if (toBound) after.push(attachStep(t, toBound.parent, toBound.bound));
  }
  const fromParents = f.inherits ?? [];
  const toParents = t.inherits ?? [];
  let keep = 0;
  while (keep < fromParents.length && keep < toParents.length && qname(fromParents[keep]!) === qname(toParents[keep]!)) keep++;
  // Parents keep their order (`inhseqno`): past the common prefix every old parent goes and the new ones come in order.
  before.push(...fromParents.slice(keep).map((p) => inheritStep(t, p, false)));
  after.push(...toParents.slice(keep).map((p) => inheritStep(t, p, true)));
  if (qname(f.ofType ?? { schema: "", name: "" }) !== qname(t.ofType ?? { schema: "", name: "" })) {
    if (f.ofType) before.push(ofStep(t, f.ofType, false));
    if (t.ofType) after.push(ofStep(t, t.ofType, true));
  }
  return { before, after };
}

/*
 * Plain DETACH: it holds ACCESS EXCLUSIVE on the parent only for a catalog change. `DETACH … CONCURRENTLY` would
 * take a weaker lock but leaves a CHECK copying the partition bound on the table, under a name PostgreSQL chooses,
 * that the target does not have; and it cannot run beside a default partition.
 */

function attachSql(child: Table, parent: QualifiedName, bound: string): string {
  return `ALTER TABLE ${qname(parent)} ATTACH PARTITION ${qname(child)} ${bound};`;
}

function detachSql(child: Table, parent: QualifiedName): string {
  return `ALTER TABLE ${qname(parent)} DETACH PARTITION ${qname(child)};`;
}


function attachStep(t: Table, parent: QualifiedName, bound: string): Step {
  const name = qname(t);
  return alterStep({
    why: `attach ${name} as a partition of ${qname(parent)} (${bound})`,
    object: objectId.table(t),
    detail: "attach",
    up: [attachSql(t, parent, bound)],
    down: [detachSql(t, parent)],
    locks: [
      { level: "SHARE UPDATE EXCLUSIVE", on: objectId.table(parent) },
      { level: "ACCESS EXCLUSIVE", on: objectId.table(t) },
    ],
    hazards: [
      hazard("validation-scan", `${name} is scanned to check its rows fit ${bound} (a CHECK matching the bound skips it)`),
      hazard("may-fail-on-data", `fails if a row of ${name} is outside ${bound}`),
      hazard("breaking-readers", `queries on ${qname(parent)} now see the rows of ${name}`),
    ],
    breaking: [breaking("relation-rows-changed", `${qname(parent)} now includes the rows of ${name}`)],
    verify: verifyQuery(relationCondition.inherits(t, parent, true)),
    long: true,
    requires: [objectId.table(parent)],
  });
}

function detachStep(f: Table, parent: QualifiedName, bound: string): Step {
  const name = qname(f);
  return alterStep({
    why: `detach partition ${name} from ${qname(parent)}`,
    object: objectId.table(f),
    detail: "detach",
    up: [detachSql(f, parent)],
    down: [attachSql(f, parent, bound)],
    locks: [
      { level: "ACCESS EXCLUSIVE", on: objectId.table(parent) },
      { level: "ACCESS EXCLUSIVE", on: objectId.table(f) },
    ],
    hazards: [hazard("breaking-readers", `queries on ${qname(parent)} no longer see the rows of ${name}`)],
    breaking: [breaking("relation-rows-changed", `${qname(parent)} no longer includes the rows of ${name}`)],
    verify: verifyQuery(relationCondition.inherits(f, parent, false)),
    drops: [`~partition-of:${objectId.table(f)}`],
  });
}

function inheritStep(t: Table, parent: QualifiedName, add: boolean): Step {
  const name = qname(t);
  const sql = (yes: boolean): string => `ALTER TABLE ${name} ${yes ? "" : "NO "}INHERIT ${qname(parent)};`;
  return alterStep({
    why: `${add ? "make" : "stop"} ${name} ${add ? "inherit" : "inheriting"} from ${qname(parent)}`,
    object: objectId.table(t),
    detail: "inherit",
    up: [sql(add)],
    down: [sql(!add)],
    locks: [
      { level: "SHARE UPDATE EXCLUSIVE", on: objectId.table(parent) },
      { level: "ACCESS EXCLUSIVE", on: objectId.table(t) },
    ],
    hazards: [hazard("breaking-readers", `queries on ${qname(parent)} ${add ? "now see" : "no longer see"} the rows of ${name}`)],
    breaking: [breaking("relation-rows-changed", `${qname(parent)} ${add ? "now includes" : "no longer includes"} the rows of ${name}`)],
    verify: verifyQuery(relationCondition.inherits(t, parent, add)),
    ...(add ? { requires: [objectId.table(parent)] } : {}),
  });
}

function ofStep(t: Table, type: QualifiedName, add: boolean): Step {
  const name = qname(t);
  const sql = (yes: boolean): string => `ALTER TABLE ${name} ${yes ? `OF ${qname(type)}` : "NOT OF"};`;
  return alterStep({
    why: add ? `make ${name} a typed table of ${qname(type)}` : `make ${name} a plain table (NOT OF ${qname(type)})`,
    object: objectId.table(t),
    detail: "of-type",
    up: [sql(add)],
    down: [add ? sql(false) : `ALTER TABLE ${name} OF ${qname(type)};`],
    locks: [{ level: "ACCESS EXCLUSIVE", on: objectId.table(t) }],
    verify: verifyQuery(relationCondition.typed(t, add)),
    ...(add ? { requires: [objectId.type(type)] } : {}),
  });
}
