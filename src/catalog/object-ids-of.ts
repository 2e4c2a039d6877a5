import type { Catalog, ObjectId } from "./model.js";
import { objectId } from "./object-id.js";

/** Every id of an object in the catalog (tables, their columns and constraints, …): the ends a dependency may have. */
export function objectIdsOf(c: Omit<Catalog, "formatVersion" | "server" | "dependencies">): Set<ObjectId> {
  const ids = new Set<ObjectId>();
  for (const s of c.schemas) ids.add(objectId.schema(s.name));
  for (const e of c.extensions) ids.add(objectId.extension(e.name));
  for (const x of c.collations) ids.add(objectId.collation(x));
  for (const t of c.types) {
    ids.add(objectId.type(t));
    if (t.kind === "domain") for (const k of t.constraints) ids.add(objectId.constraint(t, k.name));
  }
  for (const s of c.sequences) ids.add(objectId.sequence(s));
  for (const t of c.tables) {
    ids.add(objectId.table(t));
    for (const col of t.columns) ids.add(objectId.column(t, col.name));
    for (const k of t.constraints) ids.add(objectId.constraint(t, k.name));
  }
  for (const i of c.indexes) ids.add(objectId.index(i));
  for (const v of c.views) {
    ids.add(objectId.view(v));
    for (const col of v.columns) ids.add(objectId.column(v, col.name));
  }
  for (const m of c.materializedViews) {
    ids.add(objectId.materializedView(m));
    for (const col of m.columns) ids.add(objectId.column(m, col.name));
  }
  for (const r of c.routines) ids.add(objectId.routine(r, r.identityArguments));
  for (const t of c.triggers) ids.add(objectId.trigger(t.table, t.name));
  for (const t of c.eventTriggers) ids.add(objectId.eventTrigger(t.name));
  for (const r of c.rules) ids.add(objectId.rule(r.table, r.name));
  for (const p of c.policies) ids.add(objectId.policy(p.table, p.name));
  for (const x of c.casts) ids.add(objectId.cast(x.source, x.target));
  for (const x of c.textSearchConfigurations) ids.add(objectId.textSearchConfiguration(x));
  for (const x of c.textSearchDictionaries) ids.add(objectId.textSearchDictionary(x));
  for (const s of c.foreignServers) ids.add(objectId.foreignServer(s.name));
  return ids;
}
