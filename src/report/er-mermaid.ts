import type { Catalog } from "../catalog/model.js";
import { erModel, type ErColumn, type ErRelation, type ErTable } from "./er-model.js";

/**
 * The catalog's tables and foreign keys as a Mermaid `erDiagram` (GitHub renders it in a ```` ```mermaid ```` block):
 * an entity per table (partitions folded into their partitioned table) with `type name PK, FK, UK` attributes, and
 * a relationship per foreign key, drawn from the referenced table (`||` when every referencing column is NOT NULL,
 * `|o` otherwise) to the referencing one (`o{`, or `o|` when the referencing columns are unique). A key whose
 * columns all belong to the referencing table's primary key is identifying (`--`), any other is not (`..`).
 *
 * Written for Mermaid 11's grammar. Entity names are always quoted (`"users"`, `"sales.orders"` when there are
 * several schemas): unquoted, a name such as `class`, `style` or `many_things` lexes as a keyword. Attribute names
 * and types keep `[A-Za-z0-9_-[]()]` (types also `.` and `,`), anything else becomes `_` and the real column name
 * goes into the attribute's comment; a name that would lex as a key (`pk`, `fk`, `uk`) gets a leading `_`.
 *
 * @example
 * ```ts
 * const markdown = "```mermaid\n" + erMermaid(catalog) + "```\n";
 * ```
 */
export function erMermaid(catalog: Catalog): string {
  const model = erModel(catalog);
  const qualify = new Set(model.tables.map((t) => t.schema)).size > 1;
  const names = entityNames(model.tables, qualify);
  const lines = ["erDiagram"];
  for (const t of model.tables) lines.push(...entity(t, names.get(t.id)!));
  for (const r of model.relations) lines.push(`  ${relationship(r, names, model.tables)}`);
  return `${lines.join("\n")}\n`;
}

/** Quoted entity names; Mermaid refuses `"`, `%`, `\\` and line breaks in them. */
function entityNames(tables: readonly ErTable[], qualify: boolean): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>();
  for (const t of tables) {
    const base = (qualify ? t.id : t.name).replace(/["%\\\u0000-\u001f\u007f]/g, "_");
    let name = base;
    for (let i = 2; used.has(name); i++) name = `${base}_${i}`;
    used.add(name);
    names.set(t.id, `"${name}"`);
  }
  return names;
}

function entity(t: ErTable, name: string): string[] {
  const comments = [
    ...(t.external ? [`  %% ${name}: ${oneLine(t.id)} is not in this catalog`] : []),
    ...(t.note !== undefined && !t.external ? [`  %% ${name}: ${oneLine(t.note)}`] : []),
  ];
  if (t.external) return [...comments, `  ${name}`];
  if (t.columns.length === 0) return [...comments, `  ${name} {`, "  }"];
  return [...comments, `  ${name} {`, ...t.columns.map((c) => `    ${attribute(c)}`), "  }"];
}

function attribute(c: ErColumn): string {
  const type = word(c.type === "" ? "unknown" : c.type.replaceAll(" ", "_"), /[^A-Za-z0-9_\-[\]().,\u00c0-\uffff]/g);
  const name = word(c.name, /[^A-Za-z0-9_\-[\]()\u00c0-\uffff]/g);
  const keys = [...(c.primaryKey ? ["PK"] : []), ...(c.foreignKey ? ["FK"] : []), ...(c.unique && !c.primaryKey ? ["UK"] : [])];
  const comment = name === c.name ? "" : ` "${oneLine(c.name).replaceAll('"', "'")}"`;
  return `${type} ${name}${keys.length > 0 ? ` ${keys.join(", ")}` : ""}${comment}`;
}

/** An attribute word: characters matching `disallowed` become `_`; it starts with a letter or `_` and is not a key. */
function word(text: string, disallowed: RegExp): string {
  const cleaned = text.replace(disallowed, "_");
  return /^[A-Za-z_\u00c0-\uffff]/.test(cleaned) && !/^(pk|fk|uk)(?![A-Za-z0-9_])/i.test(cleaned) ? cleaned : `_${cleaned}`;
}

function relationship(r: ErRelation, names: Map<string, string>, tables: readonly ErTable[]): string {
  const parent = r.optional ? "|o" : "||";
  const child = r.oneToOne ? "o|" : "o{";
  const from = tables.find((t) => t.id === r.from);
  const identifying = r.fromColumns.every((c) => from?.columns.find((x) => x.name === c)?.primaryKey === true);
  const label = oneLine(r.fromColumns.join(", ")).replaceAll('"', "'");
  return `${names.get(r.to)} ${parent}${identifying ? "--" : ".."}${child} ${names.get(r.from)} : "${label}"`;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, " ");
}
