import { databaseErrorFrom } from "../db/errors.js";
import { SqlSourceError } from "../sources/source-error.js";

/** PostgreSQL's error as psql prints it (SQLSTATE, message, detail, hint, context), for reports and messages. */
export function errorText(e: unknown): string {
  if (e instanceof SqlSourceError) return e.format();
  const db = databaseErrorFrom(e);
  if (db === undefined) return e instanceof Error ? e.message : String(e);
  return [
    `ERROR ${db.code}: ${db.message}`,
    db.detail && `DETAIL: ${db.detail}`,
    db.hint && `HINT: ${db.hint}`,
    db.where && `CONTEXT: ${db.where}`,
  ].filter(Boolean).join("\n");
}
