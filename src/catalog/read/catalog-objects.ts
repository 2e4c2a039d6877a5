import type { ObjectId } from "../model.js";

/** The `pg_class` oids of the system catalogs whose rows the model reads: fixed by initdb, the same on every version. */
export const CATALOG = {
  class: 1259,
  attrdef: 2604,
  type: 1247,
  proc: 1255,
  constraint: 2606,
  rewrite: 2618,
  trigger: 2620,
  policy: 3256,
  namespace: 2615,
  extension: 3079,
  collation: 3456,
  cast: 2605,
  tsConfig: 3602,
  tsDict: 3600,
  foreignServer: 1417,
  eventTrigger: 3466,
} as const;

export type CatalogClass = (typeof CATALOG)[keyof typeof CATALOG];

/**
 * Which model object each catalog object is, as `pg_depend` names them: (classid, objid, objsubid). Readers record
 * what they build, so the dependency graph maps its raw rows here instead of describing both ends in SQL.
 */
export class CatalogObjects {
  /** By classid: objects registered with every sub-object, and (objid → objsubid →) those registered one by one. */
  readonly #classes = new Map<number, { readonly whole: Map<number, ObjectId>; readonly parts: Map<number, Map<number, ObjectId>> }>();

  /** `objsubid` undefined: the object and every sub-object of it (an index's columns are the index). */
  add(classid: CatalogClass, objid: unknown, id: ObjectId, objsubid?: unknown): void {
    let c = this.#classes.get(classid);
    if (c === undefined) this.#classes.set(classid, (c = { whole: new Map(), parts: new Map() }));
    if (objsubid === undefined) {
      c.whole.set(Number(objid), id);
      return;
    }
    let parts = c.parts.get(Number(objid));
    if (parts === undefined) c.parts.set(Number(objid), (parts = new Map()));
    parts.set(Number(objsubid), id);
  }

  get(classid: unknown, objid: unknown, objsubid: unknown): ObjectId | undefined {
    const c = this.#classes.get(Number(classid));
    if (c === undefined) return undefined;
    return c.parts.get(Number(objid))?.get(Number(objsubid)) ?? c.whole.get(Number(objid));
  }
}

/** A nonzero oid column (a row type, an array type). */
export function isOid(value: unknown): boolean {
  return value !== null && value !== undefined && Number(value) !== 0;
}
