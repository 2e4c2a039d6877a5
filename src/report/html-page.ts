import { Marked, type Tokens } from "marked";

/** What a report page shows: a title, an optional diagram and Markdown sections. */
export interface HtmlDocument {
  readonly title: string;
  readonly subtitle?: string;
  /** An `<svg>` element (e.g. from `renderErSvg`): shown in a box that scrolls, pans and zooms. */
  readonly diagramSvg?: string;
  readonly sections: readonly { readonly id: string; readonly title: string; readonly markdown: string }[];
}

/**
 * The Content-Security-Policy of every page: nothing may be fetched (no fonts, scripts, images or styles from
 * anywhere), only the page's own inline style and script run, images only as `data:` URLs.
 */
export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const DIAGRAM_ID = "er-diagram";

/**
 * One self-contained HTML page: inline CSS (light and dark), a navigation bar, the diagram and each section's
 * Markdown rendered by `marked`. It makes no network request: a CSP forbids them, raw HTML in the Markdown is shown
 * as text, links to other pages keep only their text and address as text, and images appear as their alt text
 * unless they are `data:` URLs.
 *
 * @example
 * ```ts
 * writeFileSync("report.html", htmlPage({ title: "shop", diagramSvg: await renderErSvg(catalog), sections: [{ id: "ddl", title: "DDL", markdown }] }));
 * ```
 */
export function htmlPage(doc: HtmlDocument): string {
  const used = new Set<string>([DIAGRAM_ID]);
  const sections = doc.sections.map((s) => ({ ...s, anchor: uniqueAnchor(s.id, used) }));
  const nav = [
    ...(doc.diagramSvg !== undefined ? [{ anchor: DIAGRAM_ID, title: "Diagram" }] : []),
    ...sections.map((s) => ({ anchor: s.anchor, title: s.title })),
  ];
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${CSS}</style>`,
    "</head>",
    "<body>",
    "<header>",
    `<h1>${escapeHtml(doc.title)}</h1>`,
    ...(doc.subtitle !== undefined ? [`<p class="subtitle">${escapeHtml(doc.subtitle)}</p>`] : []),
    "</header>",
    ...(nav.length > 0 ? [`<nav>${nav.map((n) => `<a href="#${n.anchor}">${escapeHtml(n.title)}</a>`).join("")}</nav>`] : []),
    "<main>",
    ...(doc.diagramSvg !== undefined ? [diagramSection(doc.diagramSvg)] : []),
    ...sections.map((s) => `<section id="${s.anchor}">\n<h2>${escapeHtml(s.title)}</h2>\n${markdownToHtml(s.markdown)}</section>`),
    "</main>",
    ...(doc.diagramSvg !== undefined ? [`<script>${SCRIPT}</script>`] : []),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "#39" }[c]};`);
}

function uniqueAnchor(id: string, used: Set<string>): string {
  const base = /^[A-Za-z]/.test(id) ? id.replace(/[^A-Za-z0-9_-]/g, "-") : `s-${id.replace(/[^A-Za-z0-9_-]/g, "-")}`;
  let anchor = base;
  for (let i = 2; used.has(anchor); i++) anchor = `${base}-${i}`;
  used.add(anchor);
  return anchor;
}

function diagramSection(svg: string): string {
  // Inline SVG needs no namespace declarations; dropping them keeps every URL-looking string out of the page.
  const inline = svg.replace(/\s+xmlns(:xlink)?="[^"]*"/g, "");
  return [
    `<section id="${DIAGRAM_ID}">`,
    "<h2>Diagram</h2>",
    '<div class="tools"><button type="button" data-zoom="out" title="Zoom out">−</button><button type="button" data-zoom="in" title="Zoom in">+</button><button type="button" data-zoom="fit">Fit</button><button type="button" data-zoom="actual" title="Actual size">1:1</button><span class="zoom" aria-live="polite"></span><span class="hint">drag to pan · Ctrl + wheel to zoom</span></div>',
    `<div class="diagram" tabindex="0">${inline.trim()}</div>`,
    "</section>",
  ].join("\n");
}

const markdown = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag): string {
      return escapeHtml(text);
    },
    link({ href, tokens }: Tokens.Link): string {
      const text = this.parser.parseInline(tokens);
      if (href.startsWith("#")) return `<a href="${escapeHtml(href)}">${text}</a>`;
      // Another page or site: shown, not linked, so the page never leads anywhere.
      return text === escapeHtml(href) ? `<span class="url">${text}</span>` : `${text} <span class="url">(${escapeHtml(href)})</span>`;
    },
    image({ href, text }: Tokens.Image): string {
      if (/^data:image\/(png|gif|jpeg|webp);base64,[A-Za-z0-9+/=]+$/.test(href)) return `<img src="${href}" alt="${escapeHtml(text)}">`;
      return `<span class="image">[image: ${escapeHtml(text)}]</span>`;
    },
  },
});

function markdownToHtml(text: string): string {
  return markdown.parse(text, { async: false });
}

const CSS = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa; --accent: #0969da; --code: #f6f8fa; }
@media (prefers-color-scheme: dark) { :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --panel: #151b23; --accent: #4493f8; --code: #151b23; } }
* { box-sizing: border-box; }
html { scroll-behavior: smooth; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header { padding: 24px 32px 8px; }
h1 { margin: 0; font-size: 28px; }
.subtitle { margin: 4px 0 0; color: var(--muted); }
nav { position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; gap: 4px 18px; padding: 10px 32px; background: var(--bg); border-bottom: 1px solid var(--line); }
nav a { color: var(--accent); text-decoration: none; white-space: nowrap; }
nav a:hover { text-decoration: underline; }
main { padding: 8px 32px 48px; max-width: 1400px; }
section { margin-top: 28px; scroll-margin-top: 56px; }
h2 { font-size: 22px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h3 { font-size: 18px; } h4 { font-size: 16px; }
a { color: var(--accent); }
table { border-collapse: collapse; margin: 12px 0; display: block; overflow-x: auto; }
th, td { border: 1px solid var(--line); padding: 5px 10px; text-align: left; vertical-align: top; }
th { background: var(--panel); }
code { font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; background: var(--code); padding: 1px 4px; border-radius: 4px; }
pre { background: var(--code); border: 1px solid var(--line); border-radius: 6px; padding: 12px 14px; overflow: auto; max-height: 70vh; }
pre code { padding: 0; background: none; }
blockquote { margin: 12px 0; padding: 2px 14px; border-left: 4px solid var(--line); color: var(--muted); }
.url, .image { color: var(--muted); word-break: break-all; }
.tools { display: flex; align-items: center; gap: 6px; margin: 8px 0; }
.tools button { min-width: 36px; padding: 3px 10px; font: inherit; color: var(--fg); background: var(--panel); border: 1px solid var(--line); border-radius: 6px; cursor: pointer; }
.tools .zoom { min-width: 48px; color: var(--muted); font-variant-numeric: tabular-nums; }
.tools .hint { color: var(--muted); font-size: 13px; }
.diagram { max-height: 78vh; min-height: 160px; overflow: auto; border: 1px solid var(--line); border-radius: 6px; background: #ffffff; cursor: grab; }
.diagram.dragging { cursor: grabbing; user-select: none; }
.diagram svg { display: block; }
`;

// Zoom by resizing the <svg> (its viewBox keeps the drawing); pan by dragging the scrollable box.
const SCRIPT = `
(function () {
  var box = document.querySelector(".diagram");
  var svg = box && box.querySelector("svg");
  if (!svg) return;
  var width = svg.width.baseVal.value, height = svg.height.baseVal.value, scale = 1;
  var label = document.querySelector(".tools .zoom");
  function apply(next, cx, cy) {
    var old = scale;
    scale = Math.min(4, Math.max(0.05, next));
    var px = cx === undefined ? box.clientWidth / 2 : cx, py = cy === undefined ? box.clientHeight / 2 : cy;
    var x = (box.scrollLeft + px) / old, y = (box.scrollTop + py) / old;
    svg.setAttribute("width", String(width * scale));
    svg.setAttribute("height", String(height * scale));
    box.scrollLeft = x * scale - px;
    box.scrollTop = y * scale - py;
    if (label) label.textContent = Math.round(scale * 100) + "%";
  }
  function fit() { apply(Math.min(1, (box.clientWidth - 2) / width, (box.clientHeight - 2) / height)); }
  document.querySelectorAll(".tools button").forEach(function (b) {
    b.addEventListener("click", function () {
      var z = b.getAttribute("data-zoom");
      if (z === "in") apply(scale * 1.25); else if (z === "out") apply(scale / 1.25); else if (z === "fit") fit(); else apply(1);
    });
  });
  box.addEventListener("wheel", function (e) {
    if (!e.ctrlKey && !e.metaKey) return;
    e.preventDefault();
    var r = box.getBoundingClientRect();
    apply(scale * (e.deltaY < 0 ? 1.15 : 1 / 1.15), e.clientX - r.left, e.clientY - r.top);
  }, { passive: false });
  var drag = null;
  box.addEventListener("pointerdown", function (e) {
    if (e.button !== 0) return;
    drag = { x: e.clientX, y: e.clientY, left: box.scrollLeft, top: box.scrollTop };
    box.classList.add("dragging");
  });
  window.addEventListener("pointermove", function (e) {
    if (!drag) return;
    box.scrollLeft = drag.left - (e.clientX - drag.x);
    box.scrollTop = drag.top - (e.clientY - drag.y);
  });
  window.addEventListener("pointerup", function () { drag = null; box.classList.remove("dragging"); });
  box.addEventListener("keydown", function (e) {
    if (e.key === "+" || e.key === "=") apply(scale * 1.25); else if (e.key === "-") apply(scale / 1.25); else if (e.key === "0") fit();
  });
  fit();
})();
`;
