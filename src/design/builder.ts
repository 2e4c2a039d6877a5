import { ident, qualified } from "../sql/ident.js";
import type { Decision, DesignConstraint, DesignIndex, DesignPolicy, DesignTable, PatternQuery, Verification } from "./design-types.js";
import type { ResolvedSpec } from "./resolve.js";
import type { DesignRuleId } from "./rules/registry.js";

export interface PendingForeignKey {
  readonly table: string;
  readonly columns: readonly string[];
  /** The referenced table (its primary key, tenant key first when both are tenant-scoped). */
  readonly target: string;
  readonly onDelete: "restrict" | "cascade" | "set null" | "no action";
  readonly unique?: boolean;
  readonly rule: DesignRuleId;
  readonly why: string;
}

/** Functions the design may need, created once in the schema. */
export type HelperFunction = "set_updated_at" | "set_updated_by" | "audit_row" | "uuid_v7";

/**
 * What the rules build up, in the order they run. Rules add to it; nothing here decides anything. The finished
 * `Design` is read-only.
 */
export class DesignBuilder {
  readonly decisions: Decision[] = [];
  readonly tables: DesignTable[] = [];
  readonly constraints: DesignConstraint[] = [];
  readonly indexes: DesignIndex[] = [];
  readonly policies: DesignPolicy[] = [];
  readonly grants: { table: string; role: string; privileges: string }[] = [];
  readonly schemaGrants: { role: string; schema: string }[] = [];
  readonly extensions = new Set<string>();
  readonly roles = new Set<string>();
  readonly enums: { name: string; values: readonly string[] }[] = [];
  readonly patterns: PatternQuery[] = [];
  readonly verifications: Verification[] = [];
  readonly functions = new Set<HelperFunction>();
  /** Rows of lookup tables: data the schema needs, run after the DDL and after UP. */
  readonly seeds: { table: string; sql: string }[] = [];
  /** Foreign keys of join and child tables, made into constraints with the entities' own by the foreign-key rule. */
  readonly fks: PendingForeignKey[] = [];
  /** Entity key → partition key column, for tables the partitioning rule decided to partition. */
  readonly partitionKeys = new Map<string, string>();

  constructor(
    readonly r: ResolvedSpec,
    /** The day the design is made: range partitions start from its month unless the spec gives a start. */
    readonly today: Date,
  ) {}

  decide(rule: DesignRuleId, subject: string, decision: string, why: string): void {
    this.decisions.push({ rule, subject, decision, why });
  }

  table(name: string): DesignTable {
    const t = this.tables.find((x) => x.name === name);
    if (!t) throw new Error(`internal: no table ${name} in the design`);
    return t;
  }

  /** `schema.table`, quoted as needed. */
  q(table: string): string {
    return qualified(this.r.schema, table);
  }

  /** A function of the design's schema, qualified. */
  fn(name: HelperFunction): string {
    return `${ident(this.r.schema)}.${ident(name)}`;
  }

  constraint(c: DesignConstraint): void {
    if (this.constraints.some((x) => x.table === c.table && x.name === c.name)) return;
    this.constraints.push(c);
  }
}

/** One row of the table: what the exercise statements update (works on partitioned tables too). */
export function oneRow(b: DesignBuilder, table: string, extra = ""): string {
  const t = b.table(table);
  const live = t.softDelete ? " WHERE deleted_at IS NULL" : "";
  return `(tableoid, ctid) = (SELECT tableoid, ctid FROM ${b.q(table)}${live}${extra} LIMIT 1)`;
}
