import { ident, literal } from "../../sql/ident.js";
import type { DesignRuleId } from "./registry.js";
import type { FieldSpec } from "../spec/spec-schema.js";

/** A CHECK a field type brings, with a value that breaks it (for the proof). */
export interface FieldCheck {
  /** Short name part: `{table}_{column}_{suffix}_check`… kept as `{table}_{column}_check` when alone. */
  readonly expression: string;
  /** An SQL value that violates it, or undefined when none is known. */
  readonly bad?: string;
  readonly rule: DesignRuleId;
  readonly why: string;
}

export interface ColumnShape {
  readonly type: string;
  readonly checks: readonly FieldCheck[];
  readonly default?: string;
  readonly rule: DesignRuleId;
  readonly why: string;
  /** Uniqueness and lookups on lower(column). */
  readonly caseInsensitive?: boolean;
}

/** Minor units per ISO 4217 code, where they are not 2. */
const CURRENCY_SCALE: Record<string, number> = { JPY: 0, KRW: 0, VND: 0, CLP: 0, ISK: 0, BHD: 3, KWD: 3, OMR: 3, JOD: 3, TND: 3, IQD: 3, LYD: 3 };

const EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";
const URL = "^https?://[^\\s/$.?#][^\\s]*$";
const PHONE = "^\\+[1-9][0-9]{6,14}$";
const SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$";

/**
 * The column type and CHECKs of a semantic field type: the type rules in one table, so a reader sees every choice
 * side by side. `column` is the quoted column name used in the CHECK text.
 */
export function columnShape(field: FieldSpec, column: string): ColumnShape {
  const c = ident(column);
  const matches = (regex: string, bad: string, what: string, flags = "~"): FieldCheck => ({
    expression: `${c} ${flags} ${literal(regex)}`,
    bad: literal(bad),
    rule: "type-text-check",
    why: `${what}: a CHECK, so a malformed value is rejected by the database whatever writes it`,
  });
  switch (field.type) {
    case "text":
      return { type: "text", checks: [], rule: "type-text-check", why: "text: no arbitrary varchar(n) limit; real limits are CHECKs" };
    case "email":
      return { type: "text", checks: [matches(EMAIL, "not an email", "an email address", "~*")], rule: "type-text-check", why: "email as text with a format CHECK", caseInsensitive: field.case_insensitive ?? true };
    case "url":
      return { type: "text", checks: [matches(URL, "ftp//nowhere", "an http(s) URL", "~*")], rule: "type-text-check", why: "URL as text with a format CHECK" };
    case "phone":
      return { type: "text", checks: [matches(PHONE, "555-1234", "a phone number in E.164 form (+14155550123)")], rule: "type-text-check", why: "phone as text in E.164 form, one canonical spelling per number" };
    case "slug":
      return { type: "text", checks: [matches(SLUG, "Not A Slug", "a URL slug (lowercase words joined by -)")], rule: "type-text-check", why: "slug as text with a format CHECK" };
    case "country":
      return { type: "text", checks: [matches("^[A-Z]{2}$", "usa", "an ISO 3166-1 alpha-2 country code")], rule: "type-text-check", why: "country as an ISO 3166-1 alpha-2 code" };
    case "currency":
      return { type: "text", checks: [matches("^[A-Z]{3}$", "usd", "an ISO 4217 currency code")], rule: "type-text-check", why: "currency as an ISO 4217 code" };
    case "money": {
      const scale = field.scale ?? (field.currency && field.currency !== "per_row" ? (CURRENCY_SCALE[field.currency] ?? 2) : 4);
      const precision = field.precision ?? Math.max(scale + 10, 14);
      const why = field.currency && field.currency !== "per_row"
        ? `money in ${field.currency}: numeric(${precision},${scale}), exact to the currency's minor unit`
        : `money: numeric(${precision},${scale}), exact decimal; the currency is stored beside it`;
      return { type: `numeric(${precision},${scale})`, checks: [], rule: "type-money-numeric", why };
    }
    case "decimal": {
      const precision = field.precision ?? 18;
      const scale = field.scale ?? 4;
      return { type: `numeric(${precision},${scale})`, checks: [], rule: "type-money-numeric", why: `exact decimal numeric(${precision},${scale})` };
    }
    case "quantity":
      return {
        type: "integer",
        checks: field.min === undefined ? [{ expression: `${c} >= 0`, bad: "-1", rule: "type-numeric-range", why: "a quantity is never negative" }] : [],
        rule: "type-numeric-range",
        why: "quantity: integer, never negative",
      };
    case "percentage":
      return {
        type: "numeric(5,2)",
        checks: field.min === undefined && field.max === undefined ? [{ expression: `${c} BETWEEN 0 AND 100`, bad: "101", rule: "type-numeric-range", why: "a percentage lies in 0–100" }] : [],
        rule: "type-numeric-range",
        why: "percentage: numeric(5,2) within 0–100",
      };
    case "integer":
      return { type: "integer", checks: [], rule: "type-numeric-range", why: "integer" };
    case "bigint":
      return { type: "bigint", checks: [], rule: "type-numeric-range", why: "bigint" };
    case "float":
      return { type: "double precision", checks: [], rule: "type-numeric-range", why: "double precision: measurements where binary rounding is acceptable (never money)" };
    case "status":
      return { type: "text", checks: [], rule: "status-values", why: "status" };
    case "boolean":
      return { type: "boolean", checks: [], default: field.default === undefined && field.required !== false ? "false" : undefined, rule: "not-null-required", why: "boolean, NOT NULL with a default: no third state" } as ColumnShape;
    case "date":
      return { type: "date", checks: [], rule: "type-timestamptz", why: "a calendar date: date" };
    case "timestamp":
      return { type: "timestamp with time zone", checks: [], rule: "type-timestamptz", why: "a point in time: timestamptz, never timestamp without time zone" };
    case "time":
      return { type: "time without time zone", checks: [], rule: "type-timestamptz", why: "a time of day" };
    case "duration":
      return { type: "interval", checks: [], rule: "type-timestamptz", why: "a duration: interval" };
    case "period":
      return { type: "tstzrange", checks: [{ expression: `NOT isempty(${c})`, bad: "'empty'::tstzrange", rule: "type-timestamptz", why: "a period is never empty" }], rule: "type-timestamptz", why: "a period: tstzrange, so overlaps are one operator and an EXCLUDE can forbid them" };
    case "date_period":
      return { type: "daterange", checks: [{ expression: `NOT isempty(${c})`, bad: "'empty'::daterange", rule: "type-timestamptz", why: "a period is never empty" }], rule: "type-timestamptz", why: "a date period: daterange" };
    case "json":
    case "document":
      return {
        type: "jsonb",
        checks: [{ expression: `jsonb_typeof(${c}) = 'object'`, bad: "'[]'::jsonb", rule: "type-jsonb", why: "a document is a JSON object" }],
        rule: "type-jsonb",
        why: "jsonb for schemaless attributes: binary, indexable with GIN",
      };
    case "tags":
    case "array": {
      const element = field.of ?? "text";
      return { type: `${element}[]`, checks: [], default: field.required !== false ? "'{}'" : undefined, rule: "type-jsonb", why: `${element}[]: a set of values read and written with the row, GIN-indexable` } as ColumnShape;
    }
    case "uuid":
      return { type: "uuid", checks: [], rule: "key-identity", why: "uuid" };
    case "ip":
      return { type: "inet", checks: [], rule: "type-text-check", why: "an IP address: inet (validated, with network operators)" };
    case "bytes":
      return { type: "bytea", checks: [], rule: "type-text-check", why: "binary data: bytea" };
    case "geo_point":
      return { type: "geography(Point,4326)", checks: [], rule: "index-gist", why: "a point on Earth: PostGIS geography(Point, 4326), distances in metres" };
  }
}

/** The CHECKs of the field's own bounds (min, max, lengths, pattern), with values that break them. */
export function boundChecks(field: FieldSpec, column: string): FieldCheck[] {
  const c = ident(column);
  const checks: FieldCheck[] = [];
  const numeric = !["text", "email", "url", "phone", "slug", "country", "currency", "status"].includes(field.type);
  if (numeric && field.min !== undefined && field.max !== undefined) {
    checks.push({ expression: `${c} BETWEEN ${field.min} AND ${field.max}`, bad: String(field.max + 1), rule: "type-numeric-range", why: `within ${field.min}–${field.max} (spec)` });
  } else if (numeric && field.min !== undefined) {
    checks.push({ expression: `${c} >= ${field.min}`, bad: String(field.min - 1), rule: "type-numeric-range", why: `at least ${field.min} (spec)` });
  } else if (numeric && field.max !== undefined) {
    checks.push({ expression: `${c} <= ${field.max}`, bad: String(field.max + 1), rule: "type-numeric-range", why: `at most ${field.max} (spec)` });
  }
  if (field.max_length !== undefined || field.min_length !== undefined) {
    const parts = [
      ...(field.min_length !== undefined ? [`char_length(${c}) >= ${field.min_length}`] : []),
      ...(field.max_length !== undefined ? [`char_length(${c}) <= ${field.max_length}`] : []),
    ];
    const bad = field.max_length !== undefined ? `repeat('x', ${field.max_length + 1})` : "''";
    checks.push({ expression: parts.join(" AND "), bad, rule: "type-text-check", why: "a real length limit of the domain (spec), as a CHECK rather than varchar(n)" });
  }
  if (field.pattern !== undefined) {
    checks.push({ expression: `${c} ~ ${literal(field.pattern)}`, rule: "type-text-check", why: "matches the pattern the spec gives" });
  }
  return checks;
}
