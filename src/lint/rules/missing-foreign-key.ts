import type { Table } from "../../catalog/model.js";
import { ident, qualified } from "../../sql/ident.js";
import { defineRule } from "../rule.js";
import { fitName } from "../rules-support/sql-text.js";

/** Table names an `x_id` column points at: `x`, `xs`, `xes`, `xies` for `xy`. */
const targetNames = (prefix: string): string[] => [prefix, `${prefix}s`, `${prefix}es`, ...(prefix.endsWith("y") ? [`${prefix.slice(0, -1)}ies`] : [])];

export default defineRule({
  id: "missing-foreign-key",
  severity: "info",
  docs: {
    summary: "A column named `<x>_id` of the same type as the single-column primary key of a table named `<x>` (or its plural) that no foreign key covers.",
    why: "The name says it references that table, but nothing enforces it: rows pointing at deleted or never-existing parents pile up, joins silently drop them, and the planner and tools that read foreign keys (ER diagrams, ORMs, pg-schema's own sample data) do not know the relation.",
    fix: "`ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY (x_id) REFERENCES x (id) NOT VALID` (brief SHARE ROW EXCLUSIVE lock, no scan), then `VALIDATE CONSTRAINT` (scans without blocking writes); clean up orphans first. Index the column too (`fk-missing-index`).",
  },
  schema: (catalog) =>
    catalog.tables.flatMap((t) => {
      if (t.partitionOf || t.foreign) return [];
      // A partitioned table whose every partition has the foreign key (pagila's payment: pg_dump of keys added per
      // partition) enforces it on every row; a partition added later would not, which is not what this rule says.
      const partitions = t.partitioning ? catalog.tables.filter((x) => x.partitionOf?.parent.schema === t.schema && x.partitionOf.parent.name === t.name) : [];
      const hasFk = (x: Table, column: string): boolean => x.constraints.some((k) => k.kind === "foreign-key" && k.columns.includes(column));
      return t.columns.flatMap((c) => {
        const m = /^(.+)_id$/i.exec(c.name);
        if (!m || hasFk(t, c.name) || (partitions.length > 0 && partitions.every((x) => hasFk(x, c.name)))) return [];
        const names = targetNames(m[1]!);
        const candidates = catalog.tables.filter((x) => names.includes(x.name) && !x.partitionOf && !(x.schema === t.schema && x.name === t.name));
        const target = [...candidates.filter((x) => x.schema === t.schema), ...candidates.filter((x) => x.schema !== t.schema)].find((x) => keyOf(x) && x.columns.find((k) => k.name === keyOf(x))?.type === c.type);
        if (!target) return [];
        const key = keyOf(target)!;
        const name = fitName(`${t.name}_${c.name}_fkey`);
        const table = qualified(t.schema, t.name);
        // PostgreSQL 13–17 refuse NOT VALID foreign keys on partitioned tables.
        const notValid = t.partitioning === undefined;
        return [
          {
            message: `column ${c.name} of ${t.schema}.${t.name} looks like a reference to ${target.schema}.${target.name} (${key}) but has no foreign key`,
            object: `${t.schema}.${t.name}.${c.name}`,
            fix: {
              title: "add the foreign key",
              sql: notValid
                ? `ALTER TABLE ${table} ADD CONSTRAINT ${ident(name)} FOREIGN KEY (${ident(c.name)}) REFERENCES ${qualified(target.schema, target.name)} (${ident(key)}) NOT VALID;\nALTER TABLE ${table} VALIDATE CONSTRAINT ${ident(name)};`
                : `ALTER TABLE ${table} ADD CONSTRAINT ${ident(name)} FOREIGN KEY (${ident(c.name)}) REFERENCES ${qualified(target.schema, target.name)} (${ident(key)});`,
            },
          },
        ];
      });
    }),
});

/** The column of a single-column primary key. */
function keyOf(t: Table): string | undefined {
  const pk = t.constraints.find((k) => k.kind === "primary-key");
  return pk?.kind === "primary-key" && pk.columns.length === 1 ? pk.columns[0] : undefined;
}
