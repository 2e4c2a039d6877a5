/**
 * What a column holds, read from its `format_type` text and the catalog's enums, domains and ranges: the one input
 * the value generators switch on.
 */
import type { Catalog, TypeDefinition } from "../catalog/model.js";

export type ScalarKind =
  | { readonly kind: "integer"; readonly min: number; readonly max: number }
  | { readonly kind: "numeric"; readonly precision?: number; readonly scale?: number }
  | { readonly kind: "float" }
  | { readonly kind: "boolean" }
  | { readonly kind: "text"; readonly maxLength?: number; readonly fixed?: true; readonly caseInsensitive?: true }
  | { readonly kind: "date" }
  | { readonly kind: "timestamp"; readonly zone: boolean }
  | { readonly kind: "time"; readonly zone: boolean }
  | { readonly kind: "interval" }
  | { readonly kind: "enum"; readonly labels: readonly string[] }
  | { readonly kind: "range"; readonly subtype: ScalarKind; readonly multi: boolean }
  | { readonly kind: "geometry"; readonly shape: string; readonly srid?: number }
  | {
      readonly kind:
        | "uuid" | "json" | "bytea" | "inet" | "cidr" | "macaddr" | "tsvector" | "tsquery" | "xml" | "point"
        | "hstore" | "ltree" | "money";
    }
  | { readonly kind: "bit"; readonly length: number; readonly varying: boolean }
  | { readonly kind: "unsupported"; readonly type: string };

export interface ColumnKind {
  readonly scalar: ScalarKind;
  /** Array dimensions (`text[]` → 1). */
  readonly arrayDims: number;
  /** CHECK bodies of the domains on the way to the base type, `VALUE` standing for the column. */
  readonly domainChecks: readonly string[];
  readonly domainNotNull: boolean;
}

interface TypeName {
  readonly schema?: string;
  readonly name: string;
  readonly modifiers: readonly string[];
  readonly arrayDims: number;
}

/** Splits `public.geography(Point,4326)[]` into schema, name, modifiers and array dimensions. */
export function parseTypeName(text: string): TypeName {
  let rest = text.trim();
  let arrayDims = 0;
  while (rest.endsWith("[]")) {
    rest = rest.slice(0, -2).trimEnd();
    arrayDims++;
  }
  let modifiers: string[] = [];
  const open = rest.indexOf("(");
  let tail = "";
  if (open >= 0 && !rest.startsWith('"')) {
    const close = rest.indexOf(")", open);
    modifiers = rest.slice(open + 1, close).split(",").map((m) => m.trim());
    tail = rest.slice(close + 1).trim(); // `timestamp(3) with time zone`
    rest = rest.slice(0, open).trim();
  }
  const parts = splitQualified(rest);
  const name = tail === "" ? parts.at(-1)! : `${parts.at(-1)!} ${tail}`;
  return parts.length > 1 ? { schema: parts[0]!, name, modifiers, arrayDims } : { name, modifiers, arrayDims };
}

function splitQualified(text: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      if (quoted && text[i + 1] === '"') {
        current += '"';
        i++;
      } else quoted = !quoted;
    } else if (ch === "." && !quoted) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

const INTEGER_LIMITS: Readonly<Record<string, readonly [number, number]>> = {
  smallint: [-32768, 32767],
  integer: [-2147483648, 2147483647],
  // bigint beyond 2^53 cannot travel as a JS number; sample values never need it.
  bigint: [-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  oid: [1, 4294967295],
};

const SIMPLE: Readonly<Record<string, ScalarKind>> = {
  "double precision": { kind: "float" }, real: { kind: "float" }, boolean: { kind: "boolean" },
  text: { kind: "text" }, citext: { kind: "text", caseInsensitive: true }, name: { kind: "text", maxLength: 63 },
  char: { kind: "text", maxLength: 1, fixed: true }, date: { kind: "date" }, interval: { kind: "interval" },
  uuid: { kind: "uuid" }, json: { kind: "json" }, jsonb: { kind: "json" }, bytea: { kind: "bytea" },
  inet: { kind: "inet" }, cidr: { kind: "cidr" }, macaddr: { kind: "macaddr" }, macaddr8: { kind: "macaddr" },
  tsvector: { kind: "tsvector" }, tsquery: { kind: "tsquery" }, xml: { kind: "xml" }, point: { kind: "point" },
  hstore: { kind: "hstore" }, ltree: { kind: "ltree" }, money: { kind: "money" },
};

const BUILTIN_RANGES: Readonly<Record<string, string>> = {
  int4range: "integer", int8range: "bigint", numrange: "numeric", daterange: "date",
  tsrange: "timestamp without time zone", tstzrange: "timestamp with time zone",
  int4multirange: "integer", int8multirange: "bigint", nummultirange: "numeric", datemultirange: "date",
  tsmultirange: "timestamp without time zone", tstzmultirange: "timestamp with time zone",
};

/** Resolves column types against one catalog's user-defined types. */
export class ColumnKinds {
  readonly #types = new Map<string, TypeDefinition>();

  constructor(catalog: Catalog) {
    for (const t of catalog.types) this.#types.set(`${t.schema}.${t.name}`, t);
  }

  of(type: string): ColumnKind {
    return this.#resolve(type, [], false, 0);
  }

  #resolve(type: string, checks: string[], notNull: boolean, depth: number): ColumnKind {
    const t = parseTypeName(type);
    const user = t.schema === undefined ? undefined : this.#types.get(`${t.schema}.${t.name}`);
    if (user?.kind === "domain" && depth < 10) {
      const own = user.constraints.map((c) => c.definition.replace(/^CHECK \(/, "").replace(/\)$/, ""));
      const base = this.#resolve(user.baseType, [...checks, ...own], notNull || user.notNull, depth + 1);
      return { ...base, arrayDims: base.arrayDims + t.arrayDims };
    }
    return { scalar: this.#scalar(t, user), arrayDims: t.arrayDims, domainChecks: checks, domainNotNull: notNull };
  }

  #scalar(t: TypeName, user: TypeDefinition | undefined): ScalarKind {
    if (user?.kind === "enum") return { kind: "enum", labels: user.labels };
    if (user?.kind === "range") return { kind: "range", subtype: this.of(user.subtype).scalar, multi: false };
    if (user !== undefined) return { kind: "unsupported", type: `${t.schema}.${t.name}` };
    const name = t.name;
    const limits = INTEGER_LIMITS[name];
    if (limits) return { kind: "integer", min: limits[0], max: limits[1] };
    const mod = t.modifiers.map(Number);
    if (name === "numeric") {
      return mod.length === 0 ? { kind: "numeric" } : { kind: "numeric", precision: mod[0]!, scale: mod[1] ?? 0 };
    }
    if (name === "character varying") return mod.length ? { kind: "text", maxLength: mod[0]! } : { kind: "text" };
    if (name === "character" || name === "bpchar") return { kind: "text", maxLength: mod[0] ?? 1, fixed: true };
    if (name.startsWith("timestamp")) return { kind: "timestamp", zone: name.endsWith("with time zone") };
    if (name.startsWith("time ")) return { kind: "time", zone: name.endsWith("with time zone") };
    if (name === "bit" || name === "bit varying") {
      return { kind: "bit", length: mod[0] ?? 1, varying: name === "bit varying" };
    }
    if (name === "geometry" || name === "geography") {
      const shape = (t.modifiers[0] ?? "Point").toUpperCase();
      const srid = t.modifiers[1] !== undefined ? Number(t.modifiers[1]) : name === "geography" ? 4326 : undefined;
      return srid === undefined ? { kind: "geometry", shape } : { kind: "geometry", shape, srid };
    }
    const range = BUILTIN_RANGES[name];
    if (range) return { kind: "range", subtype: this.of(range).scalar, multi: name.includes("multirange") };
    return SIMPLE[name] ?? { kind: "unsupported", type: qualifiedText(t) };
  }
}

function qualifiedText(t: TypeName): string {
  return t.schema === undefined ? t.name : `${t.schema}.${t.name}`;
}
