import type { ObjectId } from "../../catalog/model.js";

/**
 * One unit of generated DDL: statements that create (or complete) some objects. The DDL writer orders pieces by
 * the catalog's dependency graph, so a generator only says what it creates and what it needs beyond that graph.
 */
export interface DdlPiece {
  /** Objects this piece brings into existence; catalog dependencies of these decide what must come first. */
  readonly creates: readonly ObjectId[];
  /** Objects that must exist before this piece runs, in addition to the catalog dependencies of `creates`. */
  readonly requires: readonly ObjectId[];
  /** Complete statements, each ending in `;`. */
  readonly statements: readonly string[];
  /** Breaks ties between pieces the graph leaves unordered, so output is stable and reads like a dump. */
  readonly phase: Phase;
  /** A stable sort key within the phase (usually the first created id). */
  readonly key: string;
  /**
   * When this piece sits on a dependency cycle, the finer pieces that can replace it (e.g. a table without the
   * defaults that call a function, plus `ALTER TABLE … SET DEFAULT` pieces for them).
   */
  readonly split?: () => readonly DdlPiece[];
  /** Must be sent alone, outside a transaction block (none today: DDL from a model never needs CONCURRENTLY). */
  readonly nonTransactional?: true;
}

/** Coarse order of a dump when the graph allows anything. */
export const PHASES = [
  "schema",
  "extension",
  "collation",
  // Early, as in pg_dump: a function body may name a configuration in a string, which no dependency records.
  "text-search",
  "type",
  "server",
  "function",
  "sequence",
  "table",
  "sequence-owner",
  "view",
  "constraint",
  "index",
  "attach",
  "foreign-key",
  "trigger",
  "rule",
  "policy",
  "cast",
  "comment",
  "privilege",
  "delegated-privilege",
  "default-privilege",
  // Last: an event trigger fires on DDL, so none may see the rest of the script run.
  "event-trigger",
] as const;

export type Phase = (typeof PHASES)[number];

export function piece(fields: Omit<DdlPiece, "requires" | "key"> & Partial<Pick<DdlPiece, "requires" | "key">>): DdlPiece {
  return {
    ...fields,
    requires: fields.requires ?? [],
    key: fields.key ?? fields.creates[0] ?? fields.requires?.[0] ?? fields.statements[0] ?? "",
  };
}
