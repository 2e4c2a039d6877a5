/**
 * Errors from every driver become these two classes, so callers see the same fields whatever ran the query.
 */

/** An error PostgreSQL reported, with its SQLSTATE and the fields it sent. */
export class DatabaseError extends Error {
  override readonly name = "DatabaseError";
  /** SQLSTATE, e.g. `42601`. */
  readonly code: string;
  readonly severity?: string;
  readonly detail?: string;
  readonly hint?: string;
  /** 1-based character offset into the text that was sent. */
  readonly position?: number;
  readonly where?: string;
  readonly schema?: string;
  readonly table?: string;
  readonly column?: string;
  readonly constraint?: string;

  constructor(fields: DatabaseErrorFields) {
    super(fields.message);
    this.code = fields.code;
    for (const key of OPTIONAL_FIELDS) {
      const value = fields[key];
      if (value !== undefined) (this as Record<string, unknown>)[key] = value;
    }
  }
}

const OPTIONAL_FIELDS = [
  "severity", "detail", "hint", "position", "where", "schema", "table", "column", "constraint",
] as const;

export interface DatabaseErrorFields {
  readonly message: string;
  readonly code: string;
  readonly severity?: string;
  readonly detail?: string;
  readonly hint?: string;
  readonly position?: number;
  readonly where?: string;
  readonly schema?: string;
  readonly table?: string;
  readonly column?: string;
  readonly constraint?: string;
}

/** The database could not be reached. Names host and port, never the password. */
export class ConnectionError extends Error {
  override readonly name = "ConnectionError";
  constructor(
    readonly host: string,
    readonly port: number,
    readonly reason: string,
  ) {
    super(`cannot connect to PostgreSQL at ${host}:${port}: ${reason}`);
  }
}

/** `DatabaseError` fields from any driver's error object; `undefined` when it is not a server error. */
export function databaseErrorFrom(e: unknown): DatabaseError | undefined {
  if (e instanceof DatabaseError) return e;
  if (typeof e !== "object" || e === null) return undefined;
  const o = e as Record<string, unknown>;
  // Bun.sql keeps the SQLSTATE in `errno` and puts its own ERR_POSTGRES_* in `code`.
  const code = isSqlState(o.errno) ? o.errno : isSqlState(o.code) ? o.code : undefined;
  if (code === undefined) return undefined;
  const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
  const position = o.position === undefined ? undefined : Number(o.position);
  return new DatabaseError({
    message: str(o.message) ?? "unknown database error",
    code,
    severity: str(o.severity),
    detail: str(o.detail),
    hint: str(o.hint),
    position: position !== undefined && Number.isFinite(position) && position > 0 ? position : undefined,
    where: str(o.where),
    schema: str(o.schema) ?? str(o.schema_name),
    table: str(o.table) ?? str(o.table_name),
    column: str(o.column) ?? str(o.column_name),
    constraint: str(o.constraint) ?? str(o.constraint_name),
  });
}

function isSqlState(v: unknown): v is string {
  return typeof v === "string" && /^[0-9A-Z]{5}$/.test(v);
}

/** Rethrows a driver error as `DatabaseError` when it is one. */
export function normalizeError(e: unknown): unknown {
  return databaseErrorFrom(e) ?? e;
}
