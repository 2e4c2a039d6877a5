import { DesignBuilder } from "./builder.js";
import type { Design } from "./design-types.js";
import { resolveSpec } from "./resolve.js";
import { buildConstraints } from "./rules/constraints.js";
import { buildIndexes } from "./rules/indexes.js";
import { buildTables } from "./rules/tables.js";
import { buildTenancy } from "./rules/tenancy.js";
import type { ParsedSpec } from "./spec/parse-spec.js";
import { buildVerifications } from "./verifications.js";

export interface DesignOptions {
  /** The day of the design: range partitions without a `start` begin at its period (default: today). */
  readonly today?: Date;
}

/**
 * Spec → design, by the named rules only: the same spec and day give the same design. Nothing here touches a
 * database; `proveDesign` runs the result.
 *
 * @example
 * const design = designFromSpec(parseSpec(readFileSync("shop.yaml", "utf8"), "shop.yaml"));
 * console.log(designToSql(design));
 */
export function designFromSpec(parsed: ParsedSpec, options: DesignOptions = {}): Design {
  const r = resolveSpec(parsed);
  const b = new DesignBuilder(r, options.today ?? new Date());
  buildTables(b);
  buildConstraints(b);
  buildIndexes(b);
  buildTenancy(b);
  buildVerifications(b);
  const extensions = new Set([...(r.spec.extensions ?? []), ...b.extensions]);
  return {
    name: r.spec.name,
    ...(r.spec.description ? { description: r.spec.description } : {}),
    schema: r.schema,
    extensions: [...extensions].sort(),
    roles: [...b.roles].sort(),
    enums: b.enums,
    tables: b.tables,
    constraints: b.constraints,
    indexes: b.indexes,
    policies: b.policies,
    grants: b.grants,
    schemaGrants: b.schemaGrants,
    functions: [...b.functions],
    seeds: b.seeds,
    decisions: b.decisions,
    patterns: b.patterns,
    verifications: b.verifications,
    ...(r.tenancy && r.tenancy.rls
      ? { tenancy: { table: r.tenancy.entity.table, key: r.tenancy.key, setting: r.tenancy.setting, role: r.tenancy.role, keyType: b.table(r.tenancy.entity.table).columns[0]!.type } }
      : {}),
  };
}
