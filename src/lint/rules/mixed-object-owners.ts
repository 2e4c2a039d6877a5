import { ident, qualified } from "../../sql/ident.js";
import { defineRule, type Report } from "../rule.js";
import { routineSignature } from "../rules-support/routine-signature.js";

interface OwnedObject {
  readonly kind: string;
  readonly schema: string;
  readonly object: string;
  readonly owner: string;
  /** `ALTER … OWNER TO ` without the role. */
  readonly alter: string;
}

export default defineRule({
  id: "mixed-object-owners",
  severity: "info",
  docs: {
    summary: "Tables, views, sequences and functions of one schema owned by different roles (the ones off the majority owner are flagged), or a schema owned by another role than the single owner of all its objects (`public` owned by `pg_database_owner` is fine).",
    why: "Only an object's owner (or a member of its role) may ALTER, DROP or index it: a migration run as the usual owner fails half-way on the odd object, and grants and default privileges set up by one owner do not cover the others' objects.",
    fix: "One owner role per schema: `ALTER TABLE … OWNER TO app_owner` (and `ALTER SCHEMA … OWNER TO app_owner`); run migrations as that role (`SET ROLE app_owner`).",
  },
  schema: (catalog) => {
    const objects: OwnedObject[] = [
      ...catalog.tables.map((t) => ({ kind: t.foreign ? "foreign table" : "table", schema: t.schema, object: `${t.schema}.${t.name}`, owner: t.owner, alter: `ALTER ${t.foreign ? "FOREIGN TABLE" : "TABLE"} ${qualified(t.schema, t.name)} OWNER TO ` })),
      ...catalog.views.map((v) => ({ kind: "view", schema: v.schema, object: `${v.schema}.${v.name}`, owner: v.owner, alter: `ALTER VIEW ${qualified(v.schema, v.name)} OWNER TO ` })),
      ...catalog.materializedViews.map((v) => ({ kind: "materialized view", schema: v.schema, object: `${v.schema}.${v.name}`, owner: v.owner, alter: `ALTER MATERIALIZED VIEW ${qualified(v.schema, v.name)} OWNER TO ` })),
      // Sequences owned by a column follow their table's owner.
      ...catalog.sequences.filter((s) => !s.ownedBy).map((s) => ({ kind: "sequence", schema: s.schema, object: `${s.schema}.${s.name}`, owner: s.owner, alter: `ALTER SEQUENCE ${qualified(s.schema, s.name)} OWNER TO ` })),
      ...catalog.routines.filter((r) => r.kind === "function" || r.kind === "procedure").map((r) => ({ kind: r.kind, schema: r.schema, object: `${r.schema}.${r.name}(${r.identityArguments})`, owner: r.owner, alter: `ALTER ${routineSignature(r)} OWNER TO ` })),
    ];
    const out: Report[] = [];
    for (const schema of catalog.schemas) {
      const own = objects.filter((o) => o.schema === schema.name);
      if (own.length === 0) continue;
      const counts = new Map<string, number>();
      for (const o of own) counts.set(o.owner, (counts.get(o.owner) ?? 0) + 1);
      // The majority owner; on a tie the schema's owner when it is one of them, else the first by name.
      const majority = [...counts].sort((a, b) => b[1] - a[1] || Number(b[0] === schema.owner) - Number(a[0] === schema.owner) || (a[0] < b[0] ? -1 : 1))[0]![0];
      if (counts.size > 1) {
        for (const o of own.filter((x) => x.owner !== majority)) {
          out.push({
            message: `${o.kind} ${o.object} is owned by ${o.owner}, while ${counts.get(majority)} of ${own.length} objects of schema ${schema.name} are owned by ${majority}`,
            object: o.object,
            fix: { title: `give it to ${majority}`, sql: `${o.alter}${ident(majority)};` },
          });
        }
      } else if (schema.owner !== majority && schema.owner !== "pg_database_owner") {
        out.push({
          message: `schema ${schema.name} is owned by ${schema.owner}, its objects by ${majority}`,
          object: schema.name,
          fix: { title: `give the schema to ${majority}`, sql: `ALTER SCHEMA ${ident(schema.name)} OWNER TO ${ident(majority)};` },
        });
      }
    }
    return out;
  },
});
