import type { Catalog } from "../catalog/model.js";
import { erClusters, NODE_SEPARATION, RANK_SEPARATION, type Size } from "./er-clusters.js";
import { compare, erModel, type ErColumn, type ErRelation, type ErTable } from "./er-model.js";

export interface ErDiagramOptions {
  /** `schema.table` → group label: one framed box per group (tables not named go to "other tables"). */
  readonly groups?: ReadonlyMap<string, string>;
}

const FONT = "Helvetica";
const FONT_SIZE = 10;
const SMALL_FONT_SIZE = 8;
const CELL_PADDING = 3;
const COLORS = {
  edge: "#5b6b7f",
  border: "#8795a8",
  header: "#dce6f3",
  externalHeader: "#eeeeee",
  muted: "#6b7785",
  clusterFill: "#f7f9fc",
  clusterBorder: "#c5cfdc",
} as const;

/**
 * The catalog's tables and foreign keys as a Graphviz DOT graph (render with `dot`, see `renderErSvg`): one node per
 * table with a row per column (type, PK / FK / UQ / NN), partitions folded into their partitioned table, an edge
 * from each foreign key's first column to the referenced column with crow's-foot ends (`crowodot` on the
 * referencing side, `teetee` or `teeodot` on the referenced side when the key is mandatory or nullable). Tables are
 * boxed by group, schema or connected component, and the boxes are laid out in columns (see `er-clusters.ts`);
 * keys between boxes do not rank tables, and edges are bundled (`concentrate`) so that many keys to one table share a
 * path. Node names are the tables' raw `schema.name` (a backslash in a name shows doubled). Byte-stable: sorted.
 *
 * @example
 * ```ts
 * const dot = erDot(catalog, { groups: new Map([["public.users", "accounts"], ["public.orders", "sales"]]) });
 * ```
 */
export function erDot(catalog: Catalog, options: ErDiagramOptions = {}): string {
  const model = erModel(catalog);
  const qualify = new Set(model.tables.map((t) => t.schema)).size > 1;
  const layout = erClusters(model, { ...(options.groups ? { groups: options.groups } : {}), nodeSize: (t) => nodeSize(t, qualify) });
  const clusterOf = new Map<string, number>();
  layout.clusters.forEach((c, i) => c.tables.forEach((id) => clusterOf.set(id, i)));
  const byId = new Map(model.tables.map((t) => [t.id, t]));

  const lines = [
    "digraph er {",
    `  graph [rankdir=LR, newrank=true, ranksep=${inches(RANK_SEPARATION)}, nodesep=${inches(NODE_SEPARATION)}, pad=0.25, concentrate=true, bgcolor="white", fontname="${FONT}", fontsize=12, outputorder=edgesfirst];`,
    `  node [shape=plain, fontname="${FONT}", fontsize=${FONT_SIZE}];`,
    `  edge [dir=both, color="${COLORS.edge}", arrowsize=0.8, penwidth=1];`,
  ];
  for (const [column, members] of layout.columns.entries()) {
    for (const index of members) {
      const cluster = layout.clusters[index]!;
      const nodes = [
        ...cluster.tables.map((id) => `    ${quoted(id)} [label=<${tableLabel(byId.get(id)!, qualify)}>];`),
        ...cluster.rows.map((row) => `    ${row.map(quoted).join(" -> ")} [style=invis];`),
      ];
      if (!layout.framed) {
        lines.push(...nodes.map((n) => n.slice(2)));
        continue;
      }
      lines.push(
        `  subgraph ${quoted(`cluster_${cluster.id}`)} {`,
        `    graph [label=<<B>${html(cluster.label)}</B>>, labeljust=l, style="rounded,filled", fillcolor="${COLORS.clusterFill}", color="${COLORS.clusterBorder}", margin=16];`,
        ...nodes,
        "  }",
      );
    }
    // Invisible anchors between columns: every box of column j starts after anchor j and ends before anchor j+1.
    // The anchor edges weigh nothing (a heavy edge would pull each column level with its anchor, drawing a
    // staircase); the column's first tables share one rank instead, so none floats rightwards.
    const boxes = members.map((i) => layout.clusters[i]!);
    const sources = boxes.flatMap((b) => b.sources).sort(compare);
    if (column > 0) {
      lines.push(`  ${quoted(`__column_${column}`)} [shape=point, style=invis, width=0, height=0, label=""];`);
      for (const id of sources) lines.push(`  ${quoted(`__column_${column}`)} -> ${quoted(id)} [style=invis, weight=0];`);
    }
    if (layout.columns.length > 1) lines.push(`  { rank=same; ${sources.map(quoted).join("; ")}; }`);
    if (column < layout.columns.length - 1) {
      for (const id of boxes.map((b) => b.deepest).sort(compare)) lines.push(`  ${quoted(id)} -> ${quoted(`__column_${column + 1}`)} [style=invis, weight=0];`);
    }
  }
  // Only keys inside one box rank its tables: the boxes' places come from the column anchors.
  for (const r of model.relations) lines.push(`  ${edge(r, byId, clusterOf.get(r.from) === clusterOf.get(r.to))}`);
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

/** Escapes text for a Graphviz HTML-like label; control characters become their visible Unicode pictures. */
export function html(text: string): string {
  return text.replace(/[&<>"'\u0000-\u001f\u007f]/g, (c) => {
    switch (c) {
      case "&":
        return "&amp;";
      case "<":
        return "&lt;";
      case ">":
        return "&gt;";
      case '"':
        return "&quot;";
      case "'":
        return "&#39;";
      default:
        return c === "\u007f" ? "\u2421" : String.fromCodePoint(0x2400 + c.codePointAt(0)!);
    }
  });
}

/** A DOT double-quoted ID; the graph's node names are the raw `schema.table`, so SVG `<title>`s name the table. */
function quoted(id: string): string {
  return `"${id.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}

function inches(points: number): string {
  return String(Math.round((points / 72) * 1000) / 1000);
}

function edge(r: ErRelation, byId: Map<string, ErTable>, ranks: boolean): string {
  const port = (table: string, column: string | undefined, side: "l" | "r") => {
    const index = byId.get(table)?.columns.findIndex((c) => c.name === column) ?? -1;
    return index < 0 ? `${quoted(table)}:h` : `${quoted(table)}:${side}${index}:${side === "l" ? "w" : "e"}`;
  };
  const attrs = [
    `arrowtail=${r.oneToOne ? "teeodot" : "crowodot"}`,
    `arrowhead=${r.optional ? "teeodot" : "teetee"}`,
    ...(ranks ? [] : ["constraint=false", "weight=0"]),
    `tooltip=${quoted(`${r.name}: ${r.from}(${r.fromColumns.join(", ")}) → ${r.to}(${r.toColumns.join(", ")})`)}`,
  ];
  return `${port(r.from, r.fromColumns[0], "r")} -> ${port(r.to, r.toColumns[0], "l")} [${attrs.join(", ")}];`;
}

function tableLabel(t: ErTable, qualify: boolean): string {
  const style = t.external ? ` STYLE="dashed"` : "";
  const header = t.external ? COLORS.externalHeader : COLORS.header;
  const note = t.note === undefined ? "" : `<BR/><FONT POINT-SIZE="${SMALL_FONT_SIZE}" COLOR="${COLORS.muted}">${html(t.note)}</FONT>`;
  const rows = [
    `<TR><TD COLSPAN="3" PORT="h" BGCOLOR="${header}" CELLPADDING="${CELL_PADDING + 1}"><B>${html(title(t, qualify))}</B>${note}</TD></TR>`,
    ...t.columns.map((c, i) => columnRow(c, i)),
  ];
  return `<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="${CELL_PADDING}" COLOR="${COLORS.border}" BGCOLOR="white"${style}>${rows.join("")}</TABLE>`;
}

function columnRow(c: ErColumn, i: number): string {
  const name = c.primaryKey ? `<B>${html(c.name)}</B>` : html(c.name);
  const type = c.type === "" ? "" : `<FONT COLOR="${COLORS.muted}">${html(c.type)}</FONT>`;
  const marks = markers(c);
  const markCell = marks === "" ? "" : `<FONT POINT-SIZE="${SMALL_FONT_SIZE}">${marks}</FONT>`;
  return `<TR><TD ALIGN="LEFT" PORT="l${i}">${name}</TD><TD ALIGN="LEFT">${type}</TD><TD ALIGN="RIGHT" PORT="r${i}">${markCell}</TD></TR>`;
}

function markers(c: ErColumn): string {
  const marks: string[] = [];
  if (c.primaryKey) marks.push("PK");
  if (c.foreignKey) marks.push("FK");
  if (c.unique && !c.primaryKey) marks.push("UQ");
  if (c.notNull && !c.primaryKey) marks.push("NN");
  return marks.join(" ");
}

function title(t: ErTable, qualify: boolean): string {
  return qualify ? t.id : t.name;
}

/**
 * Roughly what Graphviz measures for a table node (Helvetica's average glyph is ~0.56 em, bold ~0.6 em); the column
 * layout only needs the proportions right.
 */
function nodeSize(t: ErTable, qualify: boolean): Size {
  const text = (s: string, size: number, em = 0.56) => s.length * size * em;
  const cell = (w: number) => w + 2 * CELL_PADDING;
  const nameWidth = Math.max(0, ...t.columns.map((c) => cell(text(c.name, FONT_SIZE, c.primaryKey ? 0.6 : 0.56))));
  const typeWidth = Math.max(0, ...t.columns.map((c) => cell(text(c.type, FONT_SIZE))));
  const markWidth = Math.max(0, ...t.columns.map((c) => cell(text(markers(c), SMALL_FONT_SIZE, 0.65))));
  const headerWidth = Math.max(cell(text(title(t, qualify), FONT_SIZE, 0.62)), cell(text(t.note ?? "", SMALL_FONT_SIZE)));
  const rowHeight = FONT_SIZE * 1.2 + 2 * CELL_PADDING;
  const headerHeight = rowHeight + 2 + (t.note === undefined ? 0 : SMALL_FONT_SIZE * 1.2);
  return { width: Math.max(nameWidth + typeWidth + markWidth, headerWidth) + 2, height: headerHeight + rowHeight * t.columns.length + 2 };
}
