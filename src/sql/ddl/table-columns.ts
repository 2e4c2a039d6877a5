import type { Column, QualifiedName, Table } from "../../catalog/model.js";
import { defaultIdentitySequenceName } from "../../catalog/read/table-default-names.js";
import { ident, qualified } from "../ident.js";
import { sequenceOptionClauses } from "./sequences.js";
import { genericOptions } from "./table-options.js";

/** What a column's definition in `CREATE TABLE` carries; a default can be left to a later `SET DEFAULT`. */
export interface ColumnDeclaration {
  readonly column: Column;
  /** Write the column's DEFAULT inline. */
  readonly withDefault: boolean;
  /** Write the generation expression (false when an inheritance child gets it as is from its parent). */
  readonly withGenerated: boolean;
  /** The NOT NULL constraint name to write, when it is not what a plain `NOT NULL` gives. */
  readonly notNullName?: string;
}

/** `name type [OPTIONS (…)] [COLLATE c] [GENERATED …] [DEFAULT …] [CONSTRAINT n] [NOT NULL [NO INHERIT]]` */
export function columnDefinition(table: Table, d: ColumnDeclaration): string {
  const c = d.column;
  let text = `${ident(c.name)} ${c.type}`;
  if (table.foreign) text += genericOptions(c.fdwOptions);
  return text + columnQualifiers(table, d);
}

/** `name WITH OPTIONS …` for a typed table, or undefined when the column needs nothing beyond its type's. */
export function typedColumnDefinition(table: Table, d: ColumnDeclaration): string | undefined {
  const qualifiers = columnQualifiers(table, d);
  return qualifiers === "" ? undefined : `${ident(d.column.name)} WITH OPTIONS${qualifiers}`;
}

function columnQualifiers(table: Table, d: ColumnDeclaration): string {
  const c = d.column;
  let text = "";
  if (c.collation) text += ` COLLATE ${c.collation}`;
  if (c.generated && d.withGenerated) {
    text += ` GENERATED ALWAYS AS (${c.generated.expression}) ${c.generated.kind === "stored" ? "STORED" : "VIRTUAL"}`;
  }
  if (c.identity) text += identityClause(table, c);
  if (c.default !== undefined && d.withDefault) text += ` DEFAULT ${c.default}`;
  if (c.notNull && !c.notNullConstraint?.notValid) {
    if (d.notNullName !== undefined) text += ` CONSTRAINT ${ident(d.notNullName)}`;
    text += c.notNullConstraint?.noInherit ? " NOT NULL NO INHERIT" : " NOT NULL";
  }
  return text;
}

function identityClause(table: Table, c: Column): string {
  const identity = c.identity!;
  const options = sequenceOptionClauses(identity, false);
  if (identity.sequenceName !== defaultIdentitySequenceName(table.name, c.name)) {
    options.unshift(`SEQUENCE NAME ${qualified(table.schema, identity.sequenceName)}`);
  }
  const generation = identity.generation === "always" ? "ALWAYS" : "BY DEFAULT";
  return ` GENERATED ${generation} AS IDENTITY${options.length > 0 ? ` (${options.join(" ")})` : ""}`;
}

/** The identity sequence of a column, which the table's piece creates. */
export function identitySequence(table: Table, c: Column): QualifiedName | undefined {
  return c.identity && { schema: table.schema, name: c.identity.sequenceName };
}

const STORAGE_KEYWORD = { plain: "PLAIN", external: "EXTERNAL", extended: "EXTENDED", main: "MAIN" } as const;

/**
 * Column settings `CREATE TABLE` cannot take on every version (STORAGE and COMPRESSION inline are 16+ and 14+),
 * as `ALTER TABLE` subcommands: storage, compression, statistics target, attribute options.
 */
export function columnSettings(c: Column): string[] {
  const column = `ALTER COLUMN ${ident(c.name)}`;
  const settings: string[] = [];
  if (c.storage) settings.push(`${column} SET STORAGE ${STORAGE_KEYWORD[c.storage]}`);
  if (c.compression) settings.push(`${column} SET COMPRESSION ${ident(c.compression)}`);
  if (c.statistics !== undefined) settings.push(`${column} SET STATISTICS ${c.statistics}`);
  if (c.options) settings.push(`${column} SET (${c.options.map(attributeOption).join(", ")})`);
  return settings;
}

/** `n_distinct=100` stays as it is: attribute options are numbers, and a literal would do as well. */
function attributeOption(option: string): string {
  const eq = option.indexOf("=");
  return `${ident(option.slice(0, eq))}=${option.slice(eq + 1)}`;
}
