import type { Grant, ObjectId, RoleName } from "../../catalog/model.js";
import { canonicalJson } from "../../catalog/canonical.js";
import { aclStatements } from "../../sql/ddl/acl.js";
import { literal, role } from "../../sql/ident.js";
import { breaking, type BreakingNote } from "../breaking.js";
import { describe } from "../describe.js";
import { hazard, type Hazard } from "../hazards.js";
import type { Lock, Reversal, Step, TransactionMode } from "../step.js";

/** What a kind's planner answers for an object present on both sides. */
export type AlterResult =
  /**
   * In place. `handles`: parts of other objects these steps change themselves (the columns of an enum being
   * rebuilt); what depends on those is still rebuilt around the steps, but not the parts.
   */
  | { readonly steps: readonly Step[]; readonly handles?: readonly ObjectId[] }
  /** PostgreSQL cannot alter this in place: drop and create it, and everything that depends on it. */
  | { readonly recreate: string };

export interface AlterStepFields {
  readonly why: string;
  readonly object: ObjectId;
  readonly detail: string;
  readonly up: readonly string[];
  readonly down: readonly string[];
  readonly locks?: readonly Lock[];
  readonly hazards?: readonly Hazard[];
  readonly breaking?: readonly BreakingNote[];
  readonly verify?: string;
  readonly transaction?: TransactionMode;
  readonly downTransaction?: TransactionMode;
  readonly lossy?: string;
  readonly irreversible?: string;
  readonly long?: true;
  readonly retry?: Step["retry"];
  readonly creates?: readonly ObjectId[];
  readonly drops?: readonly ObjectId[];
  readonly requires?: readonly ObjectId[];
}

/** An in-place change, its UP and DOWN written together. */
export function alterStep(f: AlterStepFields): Step {
  const transaction = f.downTransaction ?? "shared";
  const reverse: Reversal =
    f.irreversible !== undefined
      ? { class: "irreversible", why: f.irreversible }
      : f.lossy !== undefined
        ? { class: "lossy", sql: f.down, lost: f.lossy, ...(transaction === "shared" ? {} : { transaction }) }
        : { class: "reversible", sql: f.down, ...(transaction === "shared" ? {} : { transaction }) };
  return {
    why: f.why,
    change: { action: "alter", object: f.object, detail: f.detail },
    sql: f.up,
    transaction: f.transaction ?? "shared",
    locks: f.locks ?? [],
    hazards: f.hazards ?? [],
    breaking: f.breaking ?? [],
    reverse,
    ...(f.verify ? { verify: f.verify } : {}),
    retry: f.retry ?? { safe: true },
    ...(f.long ? { long: true } : {}),
    creates: f.creates ?? [f.object],
    drops: f.drops ?? [],
    ...(f.requires ? { requires: f.requires } : {}),
  };
}

/** `COMMENT ON <target> IS …` from one comment to the other (`NULL` removes it). */
export function commentStep(object: ObjectId, target: string, from: string | undefined, to: string | undefined): Step[] {
  if (from === to) return [];
  const sql = (c: string | undefined): string => `COMMENT ON ${target} IS ${c === undefined ? "NULL" : literal(c)};`;
  return [alterStep({ why: `${to === undefined ? "remove" : "set"} comment on ${describe(object)}`, object, detail: "comment", up: [sql(to)], down: [sql(from)] })];
}

/** `ALTER <kind> <target> OWNER TO …`. */
export function ownerStep(object: ObjectId, alterPrefix: string, from: RoleName, to: RoleName, lockOn?: ObjectId): Step[] {
  if (from === to) return [];
  const sql = (r: RoleName): string => `${alterPrefix} OWNER TO ${role(r)};`;
  return [
    alterStep({
      why: `change owner of ${describe(object)} from ${from} to ${to}`,
      object,
      detail: "owner",
      up: [sql(to)],
      down: [sql(from)],
      hazards: [hazard("authorization-change", `${to} becomes the owner of ${describe(object)} (owners bypass grants and, unless forced, row level security)`)],
      ...(lockOn ? { locks: [{ level: "ACCESS EXCLUSIVE", on: lockOn }] } : {}),
    }),
  ];
}

/** Privileges PostgreSQL gives a new object of this kind: the owner all, PUBLIC some for functions and types. */
function builtInGrants(objectType: string, target: string, owner: RoleName): string[] {
  const publicPrivilege = ["FUNCTION", "PROCEDURE", "ROUTINE"].includes(objectType)
    ? "EXECUTE"
    : ["TYPE", "DOMAIN", "LANGUAGE"].includes(objectType)
      ? "USAGE"
      : undefined;
  return [
    `GRANT ALL ON ${objectType} ${target} TO ${role(owner)};`,
    ...(publicPrivilege ? [`GRANT ${publicPrivilege} ON ${objectType} ${target} TO PUBLIC;`] : []),
  ];
}

/** Statements that take an object from any privileges to `acl` (absent: the built-in default). */
function aclTransition(objectType: string, target: string, owner: RoleName, before: readonly Grant[] | undefined, acl: readonly Grant[] | undefined): string[] {
  const grantees = [...new Set((before ?? []).map((g) => g.grantee).filter((g) => g !== owner && g !== "PUBLIC"))].sort();
  const revokes = grantees.map((g) => `REVOKE ALL ON ${objectType} ${target} FROM ${role(g)} CASCADE;`);
  if (acl === undefined) {
    return [`REVOKE ALL ON ${objectType} ${target} FROM PUBLIC;`, ...revokes, ...builtInGrants(objectType, target, owner)];
  }
  return [...revokes, ...aclStatements(objectType, target, owner, acl)];
}

/** GRANT / REVOKE from one set of privileges to the other; the owner is the target's. */
export function aclStep(
  object: ObjectId,
  objectType: string,
  target: string,
  owner: { readonly from: RoleName; readonly to: RoleName },
  from: readonly Grant[] | undefined,
  to: readonly Grant[] | undefined,
): Step[] {
  if (canonicalJson(from ?? null) === canonicalJson(to ?? null)) return [];
  const key = (g: Grant): string => `${g.grantee}\u0000${g.privilege}`;
  const kept = new Set((to ?? []).map(key));
  const revoked = (from ?? []).filter((g) => !kept.has(key(g)));
  return [
    alterStep({
      why: `change privileges on ${describe(object)}`,
      object,
      detail: "privileges",
      up: aclTransition(objectType, target, owner.to, from, to),
      down: aclTransition(objectType, target, owner.from, to, from),
      hazards: [hazard("authorization-change", `privileges on ${describe(object)} change`)],
      breaking:
        revoked.length === 0
          ? []
          : [breaking("privilege-revoked", `${revoked.map((g) => `${g.privilege} from ${g.grantee}`).join(", ")} revoked on ${describe(object)}`)],
    }),
  ];
}

/**
 * A relation's storage parameters (`reloptions`, `key=value`) from one list to the other: a step only when they
 * differ, its UP and DOWN each a RESET of the keys that go and a SET of the target list.
 */
export function storageStep(
  object: ObjectId,
  alterPrefix: string,
  from: readonly string[] | undefined,
  to: readonly string[] | undefined,
  locks: readonly Lock[] = [],
): Step[] {
  if (canonicalJson(from ?? []) === canonicalJson(to ?? [])) return [];
  const sql = (a: readonly string[], b: readonly string[]): string[] => {
    const gone = a.map((p) => p.split("=")[0]!).filter((k) => !b.some((p) => p.startsWith(`${k}=`)));
    return [...(gone.length ? [`${alterPrefix} RESET (${gone.join(", ")});`] : []), ...(b.length ? [`${alterPrefix} SET (${b.join(", ")});`] : [])];
  };
  return [alterStep({ why: `change storage parameters of ${describe(object)}`, object, detail: "storage", up: sql(from ?? [], to ?? []), down: sql(to ?? [], from ?? []), locks })];
}

/** Field names whose values differ between two objects (compared as canonical JSON). */
export function changedFields<T extends object>(from: T, to: T): (keyof T)[] {
  const keys = new Set([...Object.keys(from), ...Object.keys(to)]) as Set<keyof T>;
  return [...keys].filter((k) => canonicalJson(from[k] ?? null) !== canonicalJson(to[k] ?? null));
}

/**
 * The common shape of an alter: each changed field either has a handler (an in-place change) or forces a recreate.
 * `handlers` lists what PostgreSQL can alter; a field missing from it is recreated, so a new model field is safe.
 */
export function alterByFields<T extends object>(
  from: T,
  to: T,
  handlers: { readonly [K in keyof T]?: (from: T, to: T) => readonly Step[] },
  recreateWhy: (field: keyof T) => string,
): AlterResult {
  const fields = changedFields(from, to);
  const unhandled = fields.find((f) => handlers[f] === undefined);
  if (unhandled !== undefined) return { recreate: recreateWhy(unhandled) };
  return { steps: fields.flatMap((f) => handlers[f]!(from, to)) };
}
