import type { Catalog } from "../catalog/model.js";
import { castPieces } from "./ddl/casts.js";
import { collationPieces } from "./ddl/collations.js";
import type { DdlContext, DdlOptions } from "./ddl/context.js";
import { defaultPrivilegePieces } from "./ddl/default-privileges.js";
import { eventTriggerPieces } from "./ddl/event-triggers.js";
import { extensionPieces } from "./ddl/extensions.js";
import { foreignServerPieces } from "./ddl/foreign-servers.js";
import { indexPieces } from "./ddl/indexes.js";
import { materializedViewPieces } from "./ddl/materialized-views.js";
import { orderPieces } from "./ddl/order.js";
import type { DdlPiece } from "./ddl/piece.js";
import { policyPieces } from "./ddl/policies.js";
import { routinePieces } from "./ddl/routines.js";
import { rulePieces } from "./ddl/rules.js";
import { schemaPieces } from "./ddl/schemas.js";
import { sequencePieces } from "./ddl/sequences.js";
import { tablePieces } from "./ddl/tables.js";
import { textSearchConfigurationPieces, textSearchDictionaryPieces } from "./ddl/text-search.js";
import { triggerPieces } from "./ddl/triggers.js";
import { typePieces } from "./ddl/types.js";
import { viewPieces } from "./ddl/views.js";

export type { DdlOptions } from "./ddl/context.js";

type ObjectLists = Omit<Catalog, "formatVersion" | "server" | "dependencies" | "unmodeled">;

/** One generator per list: a new list in `Catalog` fails to compile until it can be written as DDL. */
const GENERATORS: { readonly [K in keyof ObjectLists]: (items: ObjectLists[K], ctx: DdlContext) => DdlPiece[] } = {
  schemas: schemaPieces,
  extensions: extensionPieces,
  collations: collationPieces,
  types: typePieces,
  sequences: sequencePieces,
  tables: tablePieces,
  indexes: indexPieces,
  views: viewPieces,
  materializedViews: materializedViewPieces,
  routines: routinePieces,
  triggers: triggerPieces,
  eventTriggers: eventTriggerPieces,
  rules: rulePieces,
  policies: policyPieces,
  casts: castPieces,
  textSearchConfigurations: textSearchConfigurationPieces,
  textSearchDictionaries: textSearchDictionaryPieces,
  foreignServers: foreignServerPieces,
  defaultPrivileges: defaultPrivilegePieces,
};

/** The DDL pieces of a whole catalog, in dependency order. */
export function catalogPieces(catalog: Catalog, options: DdlOptions = {}): DdlPiece[] {
  const ctx: DdlContext = { catalog, owners: options.owners ?? true, privileges: options.privileges ?? true };
  const pieces = (Object.keys(GENERATORS) as (keyof ObjectLists)[]).flatMap((k) =>
    (GENERATORS[k] as (items: unknown, ctx: DdlContext) => DdlPiece[])(catalog[k], ctx),
  );
  return orderPieces(pieces, catalog.dependencies);
}

/**
 * The DDL pieces of some objects of a catalog, in dependency order. Generators still see the whole catalog, so a
 * partition finds its parent and a table its inherited columns.
 */
export function piecesOf(
  catalog: Catalog,
  selected: { readonly [K in keyof ObjectLists]?: ObjectLists[K] },
  options: DdlOptions = {},
): DdlPiece[] {
  const ctx: DdlContext = { catalog, owners: options.owners ?? true, privileges: options.privileges ?? true };
  const pieces = (Object.keys(selected) as (keyof ObjectLists)[]).flatMap((k) =>
    (GENERATORS[k] as (items: unknown, ctx: DdlContext) => DdlPiece[])(selected[k], ctx),
  );
  return orderPieces(pieces, catalog.dependencies);
}

/** A script that recreates the catalog's schemas in an empty database. */
export function catalogToSql(catalog: Catalog, options: DdlOptions = {}): string {
  const statements = catalogPieces(catalog, options).flatMap((p) => p.statements);
  return statements.length === 0 ? "" : `${statements.join("\n\n")}\n`;
}
