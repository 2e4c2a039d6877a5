import type { Grant, ObjectId, RoleName } from "../../catalog/model.js";
import { canonicalJson } from "../../catalog/canonical.js";
import { aclStatements } from "../../sql/ddl/acl.js";
import { role } from "../../sql/ident.js";
import { breaking } from "../breaking.js";
import { describe } from "../describe.js";
import { hazard } from "../hazards.js";
import type { Step } from "../step.js";
import { alterStep } from "./common.js";

/** The privilege-bearing parts of a table, view or materialized view. */
export interface RelationAcl {
  readonly owner: RoleName;
  readonly acl?: readonly Grant[];
  readonly columns: readonly { readonly name: string; readonly acl?: readonly Grant[] }[];
}

const aclState = (r: RelationAcl): string =>
  canonicalJson({ acl: r.acl ?? null, columns: r.columns.filter((c) => c.acl).map((c) => [c.name, c.acl]) });

/**
 * Statements that take a relation's table and column privileges from `before` to `after`: revoke everything the
 * grantees of `before` hold (a table-level REVOKE also takes back column grants), then state `after` as the DDL
 * writer does, or give the owner back its built-in ALL.
 */
function transition(name: string, before: RelationAcl, after: RelationAcl): string[] {
  const grantees = new Set<RoleName>();
  for (const g of before.acl ?? []) grantees.add(g.grantee);
  for (const c of before.columns) for (const g of c.acl ?? []) grantees.add(g.grantee);
  grantees.delete(after.owner);
  grantees.delete("PUBLIC");
  const statements = [`REVOKE ALL ON TABLE ${name} FROM PUBLIC;`, ...[...grantees].sort().map((g) => `REVOKE ALL ON TABLE ${name} FROM ${role(g)} CASCADE;`)];
  if (after.acl === undefined) statements.push(`GRANT ALL ON TABLE ${name} TO ${role(after.owner)};`);
  else statements.push(...aclStatements("TABLE", name, after.owner, after.acl).filter((s) => !s.endsWith("FROM PUBLIC;")));
  for (const c of after.columns) statements.push(...aclStatements("TABLE", name, after.owner, c.acl, c.name));
  return statements;
}

export function relationAclStep(id: ObjectId, name: string, from: RelationAcl, to: RelationAcl): Step[] {
  if (aclState(from) === aclState(to)) return [];
  const held = (r: RelationAcl): Set<string> => {
    const s = new Set<string>();
    for (const g of r.acl ?? []) s.add(`${g.privilege} to ${g.grantee}`);
    for (const c of r.columns) for (const g of c.acl ?? []) s.add(`${g.privilege} (${c.name}) to ${g.grantee}`);
    return s;
  };
  const after = held(to);
  const revoked = [...held(from)].filter((g) => !after.has(g));
  return [
    alterStep({
      why: `change privileges on ${describe(id)}`,
      object: id,
      detail: "privileges",
      up: transition(name, from, to),
      down: transition(name, to, from),
      hazards: [hazard("authorization-change", `privileges on ${describe(id)} change`)],
      breaking: revoked.length === 0 ? [] : [breaking("privilege-revoked", `revoked on ${describe(id)}: ${revoked.join(", ")}`)],
    }),
  ];
}
