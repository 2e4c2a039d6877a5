import type { Extension } from "../../catalog/model.js";
import { objectId } from "../../catalog/object-id.js";
import { ident, literal } from "../ident.js";
import type { DdlContext } from "./context.js";
import { type DdlPiece, piece } from "./piece.js";

/**
 * `IF NOT EXISTS`, because a target database may have the extension already (from its template). An extension read
 * for what inspected objects use may live in a schema that was not inspected: that schema is created first.
 * Extensions that require others are ordered by the catalog graph (extension-to-extension edges).
 */
export function extensionPieces(extensions: readonly Extension[], ctx: DdlContext): DdlPiece[] {
  const modelled = new Set(ctx.catalog.schemas.map((s) => s.name));
  return extensions.map((e) => {
    const id = objectId.extension(e.name);
    const schema = ident(e.schema);
    const statements: string[] = [];
    if (!modelled.has(e.schema) && e.schema !== "pg_catalog") statements.push(`CREATE SCHEMA IF NOT EXISTS ${schema};`);
    statements.push(`CREATE EXTENSION IF NOT EXISTS ${ident(e.name)} WITH SCHEMA ${schema} VERSION ${literal(e.version)};`);
    if (e.comment !== undefined) {
      statements.push(`COMMENT ON EXTENSION ${ident(e.name)} IS ${e.comment === "" ? "NULL" : literal(e.comment)};`);
    }
    return piece({ creates: [id], requires: [objectId.schema(e.schema)], statements, phase: "extension" });
  });
}
