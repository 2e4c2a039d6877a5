import type { Queryable, Row } from "../../db/queryable.js";
import { catalogQuery } from "../sql-template.js";

/** What a reader of one object kind gets: the server version and a way to run its catalog query. */
export interface ReadContext {
  readonly versionNum: number;
  /** The schemas being inspected (system schemas never are). */
  readonly schemas: readonly string[];
  /** Runs `queries/<name>.sql` resolved for this server; `$1` is the inspected schema names as a JSON array text. */
  rows<R extends Row = Row>(name: string): Promise<R[]>;
}

export function readContext(q: Queryable, versionNum: number, schemas: readonly string[]): ReadContext {
  const schemaParam = JSON.stringify(schemas);
  return {
    versionNum,
    schemas,
    rows: <R extends Row>(name: string) => {
      const text = catalogQuery(name, versionNum);
      return q.query<R>(text, text.includes("$1") ? [schemaParam] : []);
    },
  };
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
