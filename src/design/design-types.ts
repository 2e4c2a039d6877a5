import type { DesignRuleId } from "./rules/registry.js";

/** A decision the design made, the rule that made it and why: the report cites each one. */
export interface Decision {
  readonly rule: DesignRuleId;
  /** What it is about: `orders`, `orders.total`, `pattern recent_orders`. */
  readonly subject: string;
  readonly decision: string;
  readonly why: string;
}

export interface DesignColumn {
  readonly name: string;
  /** SQL type text, e.g. `numeric(14,2)`. */
  readonly type: string;
  readonly notNull: boolean;
  /** SQL expression. */
  readonly default?: string;
  readonly identity?: true;
  /** Expression of a STORED generated column. */
  readonly generated?: string;
  readonly comment?: string;
}

/** A statement that must fail on the sample data, with the SQLSTATE that proves the constraint did it. */
export interface Violation {
  readonly sql: string;
  readonly sqlstate: string;
}

export type ConstraintKind = "primary-key" | "unique" | "check" | "foreign-key" | "exclude" | "not-null";

export interface DesignConstraint {
  readonly table: string;
  readonly name: string;
  readonly kind: ConstraintKind;
  /** What follows `CONSTRAINT name` (for not-null: the column). */
  readonly definition: string;
  readonly columns: readonly string[];
  readonly rule: DesignRuleId;
  readonly why: string;
  /** A statement that must fail with the given SQLSTATE once sample rows exist. */
  readonly violation?: Violation;
  /** Set for a unique rule that ignores soft-deleted rows: it is a unique index, not a constraint. */
  readonly asIndex?: true;
}

export interface DesignIndex {
  readonly table: string;
  readonly name: string;
  readonly method: "btree" | "gin" | "gist" | "brin";
  readonly unique?: true;
  /** Key items as SQL (`customer_id`, `placed_at DESC`, `lower(email)`, `tags`). */
  readonly keys: readonly string[];
  readonly include?: readonly string[];
  readonly where?: string;
  /** Operator class of the last key when not the default, e.g. `jsonb_path_ops`. */
  readonly opclass?: string;
  readonly rule: DesignRuleId;
  /** The access patterns (and FKs) it serves. */
  readonly serves: readonly string[];
  readonly why: string;
}

export interface DesignPartitioning {
  readonly strategy: "range" | "list" | "hash";
  readonly key: string;
  readonly partitions: readonly { readonly name: string; readonly bound: string }[];
}

export interface DesignTable {
  /** The entity it stores, or what it is for (join table, lookup, audit). */
  readonly origin: string;
  readonly name: string;
  readonly comment?: string;
  readonly columns: DesignColumn[];
  readonly partitioning?: DesignPartitioning;
  /** Tenant column when the table is tenant-scoped. */
  tenantKey?: string;
  rls?: true;
  /** `updated_at` maintained by a trigger. */
  updatedAt?: true;
  softDelete?: true;
  auditTrigger?: true;
  /** `updated_by` maintained by a trigger. */
  updatedBy?: true;
}

export interface DesignPolicy {
  readonly table: string;
  readonly name: string;
  readonly command: "select" | "insert" | "update" | "delete";
  readonly role: string;
  readonly using?: string;
  readonly withCheck?: string;
}

/** An access pattern as a query over sample data, and the index that must serve it. */
export interface PatternQuery {
  readonly pattern: string;
  readonly table: string;
  /** A SELECT with sample-bound values filled in by the proof (placeholders `$sample(col)`). */
  readonly sql: string;
  readonly index: string;
  readonly description: string;
  /**
   * Planner settings for the EXPLAIN that make the choice visible on a few sample rows: sequential scans off
   * always; explicit sorts off when the index is there to give the order; plain index scans off for GIN/GiST
   * patterns (only a bitmap scan on a matching operator remains).
   */
  readonly settings: readonly string[];
}

/** A runnable query returning one row with a boolean `pass`. */
export interface Verification {
  readonly name: string;
  readonly sql: string;
  readonly why: string;
}

export interface Design {
  readonly name: string;
  readonly description?: string;
  readonly schema: string;
  readonly extensions: readonly string[];
  /** Roles the design grants to (created NOLOGIN when missing). */
  readonly roles: readonly string[];
  readonly enums: readonly { readonly name: string; readonly values: readonly string[] }[];
  readonly tables: readonly DesignTable[];
  readonly constraints: readonly DesignConstraint[];
  readonly indexes: readonly DesignIndex[];
  readonly policies: readonly DesignPolicy[];
  /** Grants to the application role: `SELECT, INSERT, UPDATE, DELETE` per table. */
  readonly grants: readonly { readonly table: string; readonly role: string; readonly privileges: string }[];
  readonly schemaGrants: readonly { readonly role: string; readonly schema: string }[];
  /** Helper functions the tables' triggers and defaults call. */
  readonly functions: readonly ("set_updated_at" | "set_updated_by" | "audit_row" | "uuid_v7")[];
  /** Rows lookup tables need, run after the DDL (and appended to UP). */
  readonly seeds: readonly { readonly table: string; readonly sql: string }[];
  readonly decisions: readonly Decision[];
  readonly patterns: readonly PatternQuery[];
  readonly verifications: readonly Verification[];
  /** Tenancy settings the proof uses to check isolation. */
  readonly tenancy?: { readonly table: string; readonly key: string; readonly setting: string; readonly role: string; readonly keyType: string };
}
