import type { Column, ObjectId, Table } from "../../catalog/model.js";
import { objectId } from "../../catalog/object-id.js";
import { defaultNotNullName } from "../../catalog/read/table-default-names.js";
import { ident, qname, qualified } from "../ident.js";
import { ownerStatement } from "./acl.js";
import type { DdlContext } from "./context.js";
import { type ColumnDeclaration, columnDefinition, columnSettings, typedColumnDefinition } from "./table-columns.js";
import { ancestorChecks, inheritsInOrder, notNullName, parentColumn } from "./table-inheritance.js";
import { genericOptions, withClause } from "./table-options.js";
import { relationRequires } from "./table-refs.js";

/** Defaults and CHECKs left out of `CREATE TABLE`, to be added by later pieces (see `tables.ts`). */
export interface Deferred {
  readonly defaults: ReadonlySet<string>;
  readonly checks: ReadonlySet<string>;
}

export const NOTHING_DEFERRED: Deferred = { defaults: new Set(), checks: new Set() };

export interface CreateTable {
  readonly statements: string[];
  readonly requires: ObjectId[];
}

/** `ALTER TABLE` or `ALTER FOREIGN TABLE`, as the relation needs. */
export function alterKeyword(table: Table): string {
  return table.foreign ? "ALTER FOREIGN TABLE" : "ALTER TABLE";
}

/**
 * The table as one `CREATE TABLE` with its columns, NOT NULL, defaults and validated CHECKs inline, followed by
 * what `CREATE TABLE` cannot say: the partition's `ATTACH`, column settings, what inheriting changed, the owner,
 * row level security and the replica identity.
 */
export function createTable(table: Table, ctx: DdlContext, deferred: Deferred): CreateTable {
  const catalog = ctx.catalog;
  const name = qname(table);
  const alter = `${alterKeyword(table)} ONLY ${name}`;
  const classicInherits = table.inherits !== undefined && table.partitionOf === undefined;
  const inheritsClause = classicInherits && inheritsInOrder(catalog, table);
  const written = (c: Column): boolean => !(inheritsClause && c.inherited);
  const namedNotNull = catalog.server.versionNum >= 180000;

  const declarations: ColumnDeclaration[] = table.columns.filter(written).map((c) => {
    const inheritedGeneration = inheritsClause && parentColumn(catalog, table, c.name)?.generated;
    const name = namedNotNull ? notNullName(catalog, table, c) : undefined;
    return {
      column: c,
      withDefault: !deferred.defaults.has(c.name),
      // A child may not restate the generation expression it inherits (PostgreSQL 15 and older reject it).
      withGenerated: !(inheritedGeneration && inheritedGeneration.expression === c.generated?.expression),
      notNullName: name !== undefined && name !== defaultNotNullName(table.name, c.name) ? name : undefined,
    };
  });

  const checks = table.constraints.filter((k) => k.kind === "check" && !k.notValid && !deferred.checks.has(k.name));
  // A partition, or a child that INHERITs later, must already hold its ancestors' CHECKs.
  const inheritedChecks = table.partitionOf || (classicInherits && !inheritsClause) ? ancestorChecks(catalog, table) : [];
  const constraintLines = [
    ...checks.map((k) => `CONSTRAINT ${ident(k.name)} ${k.definition}`),
    ...inheritedChecks.map((k) => `CONSTRAINT ${ident(k.name)} ${k.definition.replace(/ NOT VALID$/, "")}`),
  ];

  let elements: string[];
  if (table.ofType) {
    elements = [...declarations.flatMap((d) => typedColumnDefinition(table, d) ?? []), ...constraintLines];
  } else {
    elements = [...declarations.map((d) => columnDefinition(table, d)), ...constraintLines];
  }
  const body = elements.length === 0 ? (table.ofType ? "" : " ()") : ` (\n${elements.map((e) => `    ${e}`).join(",\n")}\n)`;

  let create = `CREATE ${table.unlogged ? "UNLOGGED " : ""}${table.foreign ? "FOREIGN " : ""}TABLE ${name}`;
  create += table.ofType ? ` OF ${qname(table.ofType)}${body}` : body;
  if (inheritsClause) create += ` INHERITS (${table.inherits!.map(qname).join(", ")})`;
  if (table.partitioning) create += ` PARTITION BY ${table.partitioning.key}`;
  if (table.accessMethod) create += ` USING ${ident(table.accessMethod)}`;
  create += withClause(table.storageParameters);
  if (table.tablespace) create += ` TABLESPACE ${ident(table.tablespace)}`;
  if (table.foreign) create += ` SERVER ${ident(table.foreign.server)}${genericOptions(table.foreign.options)}`;

  const statements = [`${create};`];
  if (table.partitionOf) {
    statements.push(`ALTER TABLE ONLY ${qname(table.partitionOf.parent)} ATTACH PARTITION ${name} ${table.partitionOf.bound};`);
  }
  if (classicInherits && !inheritsClause) {
    for (const parent of table.inherits!) statements.push(`${alterKeyword(table)} ${name} INHERIT ${qname(parent)};`);
  }
  const settings = [
    ...table.columns.flatMap((c) => columnSettings(c)),
    ...(inheritsClause ? inheritedColumnFixes(table, ctx) : []),
  ];
  if (settings.length > 0) statements.push(`${alter}\n    ${settings.join(",\n    ")};`);
  for (const c of table.columns) {
    if (c.identity && c.identity.dataType !== c.type) {
      statements.push(`ALTER SEQUENCE ${qualified(table.schema, c.identity.sequenceName)} AS ${c.identity.dataType};`);
    }
  }
  if (ctx.owners) statements.push(ownerStatement(table.foreign ? "FOREIGN TABLE" : "TABLE", name, table.owner));
  if (table.rowLevelSecurity) statements.push(`${alterKeyword(table)} ${name} ENABLE ROW LEVEL SECURITY;`);
  if (table.forceRowLevelSecurity) statements.push(`${alterKeyword(table)} ${name} FORCE ROW LEVEL SECURITY;`);
  if (table.replicaIdentity === "full" || table.replicaIdentity === "nothing") {
    statements.push(`${alter} REPLICA IDENTITY ${table.replicaIdentity.toUpperCase()};`);
  }

  const self = [objectId.table(table)];
  const requires = [
    objectId.schema(table.schema),
    ...(table.partitionOf ? [objectId.table(table.partitionOf.parent)] : []),
    ...(table.inherits ?? []).map(objectId.table),
    ...(table.ofType ? [objectId.type(table.ofType)] : []),
    ...(table.foreign ? [objectId.foreignServer(table.foreign.server)] : []),
    ...relationRequires(
      ctx,
      self,
      table.partitioning?.key,
      ...declarations.flatMap((d) => [
        d.column.type,
        d.column.collation,
        d.withDefault ? d.column.default : undefined,
        d.withGenerated ? d.column.generated?.expression : undefined,
      ]),
      ...checks.map((k) => k.definition),
      ...inheritedChecks.map((k) => k.definition),
    ),
  ];
  return { statements, requires };
}

/**
 * After `CREATE TABLE … INHERITS`, a column the parents supply starts with the first parent's default, NOT NULL,
 * storage and compression; state where the child differs. (A column the child declares gets its own default, but
 * declared without one it too takes the parent's.)
 */
function inheritedColumnFixes(table: Table, ctx: DdlContext): string[] {
  const fixes: string[] = [];
  for (const c of table.columns) {
    const parent = parentColumn(ctx.catalog, table, c.name);
    if (!parent) continue;
    const column = `ALTER COLUMN ${ident(c.name)}`;
    if (c.default === undefined && parent.default !== undefined && !c.generated) fixes.push(`${column} DROP DEFAULT`);
    if (!c.inherited) continue;
    if (c.default !== undefined && c.default !== parent.default) fixes.push(`${column} SET DEFAULT ${c.default}`);
    if (c.notNull && !parent.notNull) fixes.push(`${column} SET NOT NULL`);
    // `SET STORAGE DEFAULT` is PostgreSQL 16+; older servers keep the parent's, a difference left unsaid there.
    if (!c.storage && parent.storage && ctx.catalog.server.versionNum >= 160000) fixes.push(`${column} SET STORAGE DEFAULT`);
    if (!c.compression && parent.compression) fixes.push(`${column} SET COMPRESSION DEFAULT`);
  }
  return fixes;
}
