import type { Catalog } from "../../catalog/model.js";
import { alterCommands, columnConstraints, names, rangeVarName } from "../ast.js";
import type { Report } from "../rule.js";
import type { Node } from "../statements.js";
import { ownColumns } from "./columns.js";

/** A name a statement gives, or a schema holds: what the naming rules look at. */
export interface NamedObject {
  /** `table`, `column`, `index`, `constraint`, … */
  readonly kind: string;
  /** The name itself, raw (as the catalog stores it: case kept). */
  readonly name: string;
  /** `schema.table`, `schema.table.column`, … */
  readonly object: string;
  /** Byte offset of the spot (statements only). */
  readonly at?: number;
  /**
   * The table whose name PostgreSQL builds this one from when it is not given (`<table>_pkey`, `<table>_<col>_idx`,
   * `<table>_<col>_seq`): when that table is flagged too, the derived name is not reported again.
   */
  readonly derivedFrom?: string;
}

const RENAMED_KINDS: Record<string, string> = {
  OBJECT_TABLE: "table", OBJECT_COLUMN: "column", OBJECT_INDEX: "index", OBJECT_VIEW: "view", OBJECT_MATVIEW: "materialized view",
  OBJECT_SEQUENCE: "sequence", OBJECT_SCHEMA: "schema", OBJECT_TYPE: "type", OBJECT_DOMAIN: "domain", OBJECT_FUNCTION: "function",
  OBJECT_PROCEDURE: "procedure", OBJECT_TABCONSTRAINT: "constraint", OBJECT_TRIGGER: "trigger", OBJECT_POLICY: "policy",
  OBJECT_ATTRIBUTE: "attribute", OBJECT_FOREIGN_TABLE: "foreign table",
};

/** A qualified name list with `public` for an unqualified one. */
const qualifiedList = (list: unknown): { schema: string; name: string } => {
  const parts = names(list);
  return { schema: parts.length > 1 ? parts.at(-2)! : "public", name: parts.at(-1) ?? "" };
};

/** The names a statement creates or renames things to. */
export function statementNames(kind: string, node: Node): NamedObject[] {
  const out: NamedObject[] = [];
  const relation = (rv: Node | undefined, k: string): string => {
    const q = rangeVarName(rv);
    if (rv?.relname) out.push({ kind: k, name: rv.relname as string, object: q, at: rv.location as number });
    return q;
  };
  const column = (table: string, def: Node): void => {
    if (def.typeName) out.push({ kind: "column", name: def.colname as string, object: `${table}.${def.colname as string}`, at: def.location as number });
    for (const c of columnConstraints(def)) constraint(table, c);
  };
  const constraint = (table: string, c: Node): void => {
    if (c.conname) out.push({ kind: "constraint", name: c.conname as string, object: `${table}.${c.conname as string}`, at: c.location as number });
  };
  switch (kind) {
    case "CreateStmt": {
      const table = relation(node.relation as Node, "table");
      for (const e of (node.tableElts ?? []) as Node[]) {
        if (e.ColumnDef) column(table, e.ColumnDef as Node);
        if (e.Constraint) constraint(table, e.Constraint as Node);
      }
      break;
    }
    case "AlterTableStmt": {
      const table = rangeVarName(node.relation as Node);
      for (const c of alterCommands(node)) {
        const def = c.def as Node | undefined;
        if (c.subtype === "AT_AddColumn" && def?.ColumnDef) column(table, def.ColumnDef as Node);
        if (c.subtype === "AT_AddConstraint" && def?.Constraint) constraint(table, def.Constraint as Node);
      }
      break;
    }
    case "RenameStmt": {
      const k = RENAMED_KINDS[node.renameType as string];
      const owner = node.relation ? rangeVarName(node.relation as Node) : "";
      const newname = node.newname as string | undefined;
      if (k && newname) {
        const schema = owner ? owner.split(".")[0]! : "public";
        const object = k === "column" || k === "constraint" || k === "trigger" || k === "policy" || k === "attribute" ? `${owner}.${newname}` : k === "schema" ? newname : `${schema}.${newname}`;
        out.push({ kind: k, name: newname, object });
      }
      break;
    }
    case "IndexStmt":
      if (node.idxname) {
        const schema = rangeVarName(node.relation as Node).split(".")[0]!;
        out.push({ kind: "index", name: node.idxname as string, object: `${schema}.${node.idxname as string}` });
      }
      break;
    case "CreateSchemaStmt":
      if (node.schemaname) out.push({ kind: "schema", name: node.schemaname as string, object: node.schemaname as string });
      break;
    case "ViewStmt": {
      const view = relation(node.view as Node, "view");
      for (const a of names(node.aliases)) out.push({ kind: "column", name: a, object: `${view}.${a}` });
      break;
    }
    case "CreateTableAsStmt": {
      const into = node.into as Node | undefined;
      const rel = relation(into?.rel as Node | undefined, node.objtype === "OBJECT_MATVIEW" ? "materialized view" : "table");
      for (const a of names(into?.colNames)) out.push({ kind: "column", name: a, object: `${rel}.${a}` });
      break;
    }
    case "CreateSeqStmt":
      relation(node.sequence as Node, "sequence");
      break;
    case "CompositeTypeStmt": {
      const type = relation(node.typevar as Node, "type");
      for (const e of (node.coldeflist ?? []) as Node[]) {
        const def = e.ColumnDef as Node | undefined;
        if (def) out.push({ kind: "attribute", name: def.colname as string, object: `${type}.${def.colname as string}`, at: def.location as number });
      }
      break;
    }
    case "CreateEnumStmt":
    case "CreateRangeStmt":
    case "CreateDomainStmt": {
      const q = qualifiedList(kind === "CreateDomainStmt" ? node.domainname : node.typeName);
      out.push({ kind: kind === "CreateDomainStmt" ? "domain" : "type", name: q.name, object: `${q.schema}.${q.name}` });
      break;
    }
    case "CreateFunctionStmt": {
      const q = qualifiedList(node.funcname);
      out.push({ kind: node.is_procedure ? "procedure" : "function", name: q.name, object: `${q.schema}.${q.name}` });
      break;
    }
    case "CreateTrigStmt":
      out.push({ kind: "trigger", name: node.trigname as string, object: `${rangeVarName(node.relation as Node)}.${node.trigname as string}` });
      break;
    case "CreatePolicyStmt":
      out.push({ kind: "policy", name: node.policy_name as string, object: `${rangeVarName(node.table as Node)}.${node.policy_name as string}` });
      break;
  }
  return out.filter((o) => o.name);
}

/** Every name a schema holds that its users chose (the `public` schema and names of partitions' inherited columns left out). */
export function catalogNames(catalog: Catalog): NamedObject[] {
  const q = (schema: string, name: string): string => `${schema}.${name}`;
  return [
    ...catalog.schemas.filter((s) => s.name !== "public").map((s) => ({ kind: "schema", name: s.name, object: s.name })),
    ...catalog.tables.map((t) => ({ kind: t.foreign ? "foreign table" : "table", name: t.name, object: q(t.schema, t.name) })),
    ...ownColumns(catalog).map((c) => ({ kind: "column", name: c.column.name, object: c.object })),
    ...catalog.tables.flatMap((t) => t.constraints.map((c) => ({ kind: "constraint", name: c.name, object: `${q(t.schema, t.name)}.${c.name}`, derivedFrom: t.name }))),
    ...catalog.indexes.filter((i) => !i.constraint).map((i) => ({ kind: "index", name: i.name, object: q(i.schema, i.name), derivedFrom: i.table.name })),
    ...catalog.views.map((v) => ({ kind: "view", name: v.name, object: q(v.schema, v.name) })),
    ...catalog.materializedViews.map((v) => ({ kind: "materialized view", name: v.name, object: q(v.schema, v.name) })),
    ...catalog.sequences.map((s) => ({ kind: "sequence", name: s.name, object: q(s.schema, s.name), ...(s.ownedBy ? { derivedFrom: s.ownedBy.table.name } : {}) })),
    ...catalog.types.map((t) => ({ kind: t.kind === "domain" ? "domain" : "type", name: t.name, object: q(t.schema, t.name) })),
    ...catalog.types.flatMap((t) => (t.kind === "composite" ? t.attributes.map((a) => ({ kind: "attribute", name: a.name, object: `${q(t.schema, t.name)}.${a.name}` })) : [])),
    ...catalog.routines.map((r) => ({ kind: r.kind === "procedure" || r.kind === "aggregate" ? r.kind : "function", name: r.name, object: `${q(r.schema, r.name)}(${r.identityArguments})` })),
    ...catalog.triggers.map((t) => ({ kind: "trigger", name: t.name, object: `${q(t.table.schema, t.table.name)}.${t.name}` })),
    ...catalog.policies.map((p) => ({ kind: "policy", name: p.name, object: `${q(p.table.schema, p.table.name)}.${p.name}` })),
  ];
}

/** The reports of a naming rule: every object whose name is `bad`, except names derived from a table already reported. */
export function namingReports(objects: readonly NamedObject[], bad: (name: string) => boolean, message: (o: NamedObject) => string): Report[] {
  return objects
    .filter((o) => bad(o.name) && !(o.derivedFrom !== undefined && bad(o.derivedFrom) && o.name.startsWith(`${o.derivedFrom}_`)))
    .map((o) => ({ message: message(o), object: o.object, ...(o.at !== undefined ? { at: o.at } : {}) }));
}
