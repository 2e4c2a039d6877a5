import type { Queryable, Row } from "../../db/queryable.js";
import type { ObjectId } from "../model.js";
import { catalogQuery } from "../sql-template.js";
import { CATALOG, type CatalogClass, CatalogObjects, isOid } from "./catalog-objects.js";

/** What a reader of one object kind gets: the server version and a way to run its catalog query. */
export interface ReadContext {
  readonly versionNum: number;
  /** The schemas being inspected (system schemas never are). */
  readonly schemas: readonly string[];
  /** Runs `queries/<name>.sql` resolved for this server and the inspected schemas. */
  rows<R extends Row = Row>(name: string): Promise<R[]>;
  /**
   * Records that the catalog object (classid, objid, objsubid) is the model object `id`; without `objsubid`, every
   * sub-object of it too. `read/dependencies.ts` maps `pg_depend` rows with what the readers recorded.
   */
  register(classid: CatalogClass, objid: unknown, id: ObjectId, objsubid?: unknown): void;
  /** The model object registered for a catalog object, if any. */
  objectAt(classid: unknown, objid: unknown, objsubid: unknown): ObjectId | undefined;
}

export function readContext(q: Queryable, versionNum: number, schemas: readonly string[]): ReadContext {
  const objects = new CatalogObjects();
  return {
    versionNum,
    schemas,
    rows: <R extends Row>(name: string) => q.query<R>(catalogQuery(name, versionNum, schemas)),
    register: (classid, objid, id, objsubid) => objects.add(classid, objid, id, objsubid),
    objectAt: (classid, objid, objsubid) => objects.get(classid, objid, objsubid),
  };
}

/**
 * A relation (`oid`) and its row type (`row_type`) with that type's array (`row_type_array`): pg_depend names the
 * row type where a column or a routine uses it, and the model knows it as the relation. `objsubid` 0 when the
 * relation's columns are registered one by one; absent when every column is the relation (sequences, indexes).
 */
export function registerRelation(ctx: ReadContext, r: Row, id: ObjectId, objsubid?: 0): void {
  ctx.register(CATALOG.class, r.oid, id, objsubid);
  if (isOid(r.row_type)) ctx.register(CATALOG.type, r.row_type, id);
  if (isOid(r.row_type_array)) ctx.register(CATALOG.type, r.row_type_array, id);
}

/**
 * Row values. Catalog queries return arrays and records as JSON text (`to_json(x)::text`) and wide integers as
 * text, because the three drivers decode those differently.
 */
export function jsonOf<T>(value: unknown): T | undefined {
  if (value === null || value === undefined) return undefined;
  return JSON.parse(value as string) as T;
}

/** A text[] column sent as JSON text; empty and NULL both become undefined. */
export function listOf(value: unknown): string[] | undefined {
  const list = jsonOf<string[]>(value);
  return list && list.length > 0 ? list : undefined;
}

export function textOf(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}

export function numberOf(value: unknown): number {
  return typeof value === "number" ? value : Number(value);
}

/** Adds only the properties whose value is not undefined, so optional model fields stay absent. */
export function defined<T extends object>(object: T): T {
  // A copy rather than `delete`: deleting keys turns V8 objects into slow dictionaries, and catalogs hold 100k of them.
  const out = {} as T;
  for (const key in object) if (object[key] !== undefined) out[key] = object[key];
  return out;
}
