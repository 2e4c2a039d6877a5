import { isMap, isSeq, LineCounter, parseDocument, type Document } from "yaml";
import type { z } from "zod";
import { didYouMean } from "../../util/did-you-mean.js";
import { FIELD_TYPES, SHORT_FIELD, type Spec, specSchema } from "./spec-schema.js";
import { SpecError, type SpecLocation } from "./spec-error.js";

export type SpecPath = readonly (string | number)[];

/** A validated spec with the means to point back into its text (for errors found later, e.g. unknown entities). */
export interface ParsedSpec {
  readonly spec: Spec;
  readonly file: string;
  readonly text: string;
  /** The position of the value at `path` (or of its key, with `key`); the nearest existing parent otherwise. */
  locate(path: SpecPath, key?: boolean): SpecLocation;
  /** A SpecError at `path`. */
  error(path: SpecPath, problem: string, hint?: string): SpecError;
}

/**
 * Parses a YAML or JSON design spec (JSON is YAML too, so one parser gives positions for both) and validates it
 * against the spec schema. Every problem is a SpecError with file, line and column; unknown keys are errors.
 */
export function parseSpec(text: string, file: string): ParsedSpec {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number): SpecLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const locate = (path: SpecPath, key = false): SpecLocation => at(offsetOf(doc, path, key));
  const error = (path: SpecPath, problem: string, hint?: string): SpecError => new SpecError(file, locate(path, true), problem, text, hint);

  const syntax = doc.errors[0];
  if (syntax) {
    const message = syntax.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    throw new SpecError(file, at(syntax.pos[0]), `malformed ${file.endsWith(".json") ? "JSON" : "YAML"}: ${message}`, text);
  }
  const value: unknown = doc.toJS();
  if (value === null || value === undefined) throw new SpecError(file, { line: 1, column: 1 }, "the spec is empty", text, "start with `name:` and `entities:`");
  const result = specSchema.safeParse(value);
  if (!result.success) {
    const issue = mostSpecific(result.error.issues);
    const { path, problem, hint } = describeIssue(issue, value);
    throw new SpecError(file, locate(path, issue.code === "unrecognized_keys"), problem, text, hint);
  }
  return { spec: result.data, file, text, locate, error };
}

/** Offset of the node at `path` (its key when `key`), walking as far as the document goes. */
function offsetOf(doc: Document, path: SpecPath, key: boolean): number {
  let node: unknown = doc.contents;
  let offset = (doc.contents as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
  for (const [i, segment] of path.entries()) {
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => String((p.key as { value?: unknown })?.value ?? p.key) === String(segment));
      if (!pair) return offset;
      const keyRange = (pair.key as { range?: [number, number, number] } | null)?.range;
      const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range;
      offset = (last && key ? keyRange?.[0] : valueRange?.[0] ?? keyRange?.[0]) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment] as { range?: [number, number, number] } | undefined;
      if (!item) return offset;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      return offset;
    }
  }
  return offset;
}

type Issue = z.core.$ZodIssue;

/** A union's failure is described by the branch that got furthest, not by "invalid input". */
function mostSpecific(issues: readonly Issue[]): Issue {
  const first = issues[0]!;
  if (first.code !== "invalid_union" || first.errors.length === 0) return first;
  const branches = first.errors.map((branch) => branch.map((i) => ({ ...i, path: [...first.path, ...i.path] }) as Issue));
  // A branch that failed on the value's own type (string vs object) tells less than one that went inside it.
  const inside = branches.filter((b) => !(b.length === 1 && b[0]!.code === "invalid_type" && b[0]!.path.length === first.path.length));
  const chosen = inside[0] ?? branches[0]!;
  return mostSpecific(chosen);
}

function valueAt(root: unknown, path: SpecPath): unknown {
  let v = root;
  for (const s of path) v = v !== null && typeof v === "object" ? (v as Record<string | number, unknown>)[s] : undefined;
  return v;
}

function describeIssue(issue: Issue, root: unknown): { path: SpecPath; problem: string; hint?: string } {
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  const where = path.length === 0 ? "the spec" : path.join(".");
  switch (issue.code) {
    case "unrecognized_keys": {
      const key = issue.keys[0]!;
      const allowed = allowedKeys(root, path);
      const near = didYouMean(key, allowed);
      return {
        path: [...path, key],
        problem: `unknown key "${key}" in ${where}`,
        hint: near ? `did you mean "${near}"?` : `allowed here: ${allowed.join(", ")}`,
      };
    }
    case "invalid_value": {
      const given = String(valueAt(root, path));
      const options = issue.values.map(String);
      const near = didYouMean(given, options);
      return { path, problem: `${where}: "${given}" is not one of ${options.join(", ")}`, ...(near ? { hint: `did you mean "${near}"?` } : {}) };
    }
    case "invalid_format": {
      const given = valueAt(root, path);
      if (typeof given === "string" && path.length >= 3 && (path[path.length - 2] === "fields" || path.at(-1) === "type")) {
        const near = didYouMean(given.replace(/\?$/, ""), FIELD_TYPES);
        if (!SHORT_FIELD.test(given)) {
          return { path, problem: `${where}: unknown field type "${given}"`, hint: near ? `did you mean "${near}"?` : `field types: ${FIELD_TYPES.join(", ")}` };
        }
      }
      return { path, problem: `${where}: ${issue.message}` };
    }
    case "invalid_type":
      if (valueAt(root, path) === undefined) return { path, problem: `${where} is required (${issue.expected})` };
      return { path, problem: `${where}: expected ${issue.expected}, got ${describe(valueAt(root, path))}` };
    default:
      return { path, problem: `${where}: ${issue.message}` };
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  return typeof value === "object" ? "a mapping" : `${typeof value} ${JSON.stringify(value)}`;
}

/** The keys the schema allows in the object at `path` (for "did you mean"). */
function allowedKeys(root: unknown, path: SpecPath): string[] {
  let schema: unknown = specSchema;
  for (const segment of path) {
    schema = childSchema(schema, segment, valueAt(root, path.slice(0, path.indexOf(segment) + 1)));
    if (schema === undefined) return [];
  }
  return Object.keys(shapeOf(schema) ?? {});
}

interface Def {
  type: string;
  shape?: Record<string, unknown>;
  innerType?: unknown;
  valueType?: unknown;
  element?: unknown;
  options?: unknown[];
  items?: unknown[];
}

const defOf = (s: unknown): Def | undefined => (s as { _zod?: { def: Def } })?._zod?.def;

/** Through optional/default/nullable wrappers, and into the object branch of a union. */
function unwrap(s: unknown): unknown {
  let def = defOf(s);
  while (def && (def.type === "optional" || def.type === "default" || def.type === "nullable" || def.type === "union")) {
    s = def.type === "union" ? def.options!.find((o) => defOf(unwrap(o))?.type === "object") ?? def.options![0] : def.innerType;
    def = defOf(s);
  }
  return s;
}

function shapeOf(s: unknown): Record<string, unknown> | undefined {
  return defOf(unwrap(s))?.shape;
}

function childSchema(s: unknown, segment: string | number, _value: unknown): unknown {
  const def = defOf(unwrap(s));
  if (!def) return undefined;
  if (def.type === "object") return def.shape?.[String(segment)];
  if (def.type === "record") return def.valueType;
  if (def.type === "array") return def.element;
  if (def.type === "tuple") return def.items?.[Number(segment)];
  return undefined;
}
