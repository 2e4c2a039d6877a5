import { Graphviz } from "@hpcc-js/wasm-graphviz";
import type { Catalog } from "../catalog/model.js";
import { erDot, type ErDiagramOptions } from "./er-dot.js";

let graphviz: Promise<Graphviz> | undefined;

/** Graphviz's WASM module, instantiated once per process (about 150 ms) and reused. */
function loadGraphviz(): Promise<Graphviz> {
  graphviz ??= Graphviz.load().catch((error: unknown) => {
    graphviz = undefined;
    throw error;
  });
  return graphviz;
}

/**
 * The ER diagram of `erDot` laid out by Graphviz `dot`, as one `<svg>` element ready to inline in HTML (no XML
 * prolog, no doctype, no comments). Node `<title>`s are the tables' `schema.name`.
 *
 * @example
 * ```ts
 * const svg = await renderErSvg(await loadCatalog("schema.sql"));
 * ```
 */
export async function renderErSvg(catalog: Catalog, options: ErDiagramOptions = {}): Promise<string> {
  const dot = erDot(catalog, options);
  try {
    return await dotToSvg(dot);
  } catch (error) {
    // `concentrate` (edge bundling) has known failure cases in dot; the drawing without it is only busier.
    if (!dot.includes("concentrate=true")) throw error;
    graphviz = undefined;
    return dotToSvg(dot.replace("concentrate=true", "concentrate=false"));
  }
}

/** Lays out any DOT text with `dot` and strips the SVG down to its `<svg>` element. */
export async function dotToSvg(dot: string): Promise<string> {
  const svg = (await loadGraphviz()).dot(dot, "svg");
  const start = svg.indexOf("<svg");
  if (start < 0) throw new Error("Graphviz returned no <svg> element");
  return `${svg.slice(start).replace(/<!--[\s\S]*?-->\n?/g, "").trim()}\n`;
}
