import type { DesignRun } from "../design/prove-design.js";
import { designSections } from "./design-sections.js";
import { htmlPage } from "./html-page.js";
import { renderErSvg } from "./er-svg.js";

/**
 * One self-contained page: the ER diagram (inline SVG laid out by Graphviz), the six parts of the report, the decisions and the proof. No network requests.
 */
export async function designToHtml(run: DesignRun): Promise<string> {
  const { design } = run;
  // Grouping is left to the diagram: by foreign-key neighbourhoods, which keeps related tables side by side.
  const diagramSvg = await renderErSvg(run.catalog);
  return htmlPage({
    title: design.name,
    subtitle: `${design.description ? `${design.description} · ` : ""}${design.tables.length} tables · ${design.indexes.length} indexes · proven on PostgreSQL`,
    diagramSvg,
    sections: designSections(run),
  });
}

