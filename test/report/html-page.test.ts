import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { htmlPage, PAGE_CSP } from "../../src/report/html-page.js";

// What Graphviz writes, namespace declarations included.
const SVG = `<svg width="62pt" height="44pt" viewBox="0.00 0.00 62.00 44.00" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
<g id="graph0" class="graph"><g id="node1" class="node"><title>public.users</title><text x="31" y="22">users</text></g></g>
</svg>`;

const SECTIONS = [
  { id: "ddl", title: "Schema (DDL)", markdown: "Tables and keys.\n\n```sql\ncreate table users (id bigint primary key, note text check (note <> ''));\n```\n" },
  { id: "diagram-text", title: "Diagram as Mermaid", markdown: '```mermaid\nerDiagram\n  "users" {\n    bigint id PK\n  }\n```\n' },
  { id: "checks", title: "Checks & <notes>", markdown: "| check | result |\n|---|---|\n| `a < b` | **pass** |\n\n### Details\n\n- one\n- two\n\nSee [the checks](#checks)." },
];

describe("htmlPage", () => {
  const page = htmlPage({ title: 'Shop <"v2"> & co', subtitle: "5 tables · 4 keys", diagramSvg: SVG, sections: SECTIONS });

  it("is one self-contained document: a CSP that forbids the network, no URL anywhere", () => {
    assert.ok(page.startsWith("<!doctype html>\n"));
    assert.ok(page.includes(`<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">`));
    assert.match(PAGE_CSP, /^default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:/);
    assert.ok(page.indexOf("Content-Security-Policy") < page.indexOf("<style>"), "the policy comes before any style or script");
    assert.doesNotMatch(page, /https?:|\/\//i, "no http:, https: or protocol-relative // anywhere (the SVG's namespaces are dropped)");
    assert.doesNotMatch(page, /<link|<iframe|<object|<embed|@import|url\(|\ssrc=/i);
  });

  it("escapes the title and subtitle", () => {
    assert.ok(page.includes("<title>Shop &lt;&quot;v2&quot;&gt; &amp; co</title>"));
    assert.ok(page.includes("<h1>Shop &lt;&quot;v2&quot;&gt; &amp; co</h1>"));
    assert.ok(page.includes('<p class="subtitle">5 tables · 4 keys</p>'));
  });

  it("has a nav of the diagram and every section, and renders each section's Markdown", () => {
    const nav = page.slice(page.indexOf("<nav>"), page.indexOf("</nav>"));
    assert.deepEqual([...nav.matchAll(/href="#([^"]+)">([^<]*)</g)].map((m) => [m[1], m[2]]), [
      ["er-diagram", "Diagram"],
      ["ddl", "Schema (DDL)"],
      ["diagram-text", "Diagram as Mermaid"],
      ["checks", "Checks &amp; &lt;notes&gt;"],
    ]);
    assert.ok(page.includes('<pre><code class="language-sql">create table users (id bigint primary key, note text check (note &lt;&gt; &#39;&#39;));\n</code></pre>'));
    assert.ok(page.includes('<pre><code class="language-mermaid">erDiagram\n  &quot;users&quot; {'), "Mermaid stays code");
    assert.match(page, /<table>\s*<thead>\s*<tr>\s*<th>check<\/th>/);
    assert.ok(page.includes("<td><code>a &lt; b</code></td>"));
    assert.ok(page.includes("<h3>Details</h3>"));
    assert.ok(page.includes('<a href="#checks">the checks</a>'), "in-page links stay links");
  });

  it("shows the diagram inline in a pan-and-zoom box with its script", () => {
    assert.match(page, /<section id="er-diagram">[\s\S]*<div class="diagram" tabindex="0"><svg width="62pt" height="44pt" viewBox="0.00 0.00 62.00 44.00">/);
    assert.ok(page.includes("<title>public.users</title>"));
    assert.match(page, /<script>[\s\S]*querySelector\(".diagram"\)[\s\S]*<\/script>/);
    const noDiagram = htmlPage({ title: "t", sections: [] });
    assert.doesNotMatch(noDiagram, /<script|<nav>/, "no diagram, no script; no sections, no nav");
  });

  it("keeps user content inert: raw HTML as text, external links and images as text, anchors unique", () => {
    const hostile = htmlPage({
      title: "t",
      sections: [
        {
          id: "x",
          title: "x",
          markdown: [
            '<script>alert(1)</script> <img src="https://tracker.example/p.gif">',
            "[docs](https://example.com/docs) and https://example.org/auto and ![logo](https://example.com/logo.png)",
            "![dot](data:image/png;base64,iVBORw0KGgo=)",
          ].join("\n\n"),
        },
        { id: "x", title: "again", markdown: "" },
        { id: "9 lives", title: "odd id", markdown: "" },
      ],
    });
    assert.doesNotMatch(hostile, /<script>alert|<img src="https|href="https?:|src="https?:/);
    assert.ok(hostile.includes("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert.ok(hostile.includes('docs <span class="url">(https://example.com/docs)</span>'));
    assert.ok(hostile.includes('<span class="url">https://example.org/auto</span>'));
    assert.ok(hostile.includes('<span class="image">[image: logo]</span>'));
    assert.ok(hostile.includes('<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">'), "data: images are allowed by the CSP");
    assert.deepEqual([...hostile.matchAll(/<section id="([^"]+)">/g)].map((m) => m[1]), ["x", "x-2", "s-9-lives"]);
  });
});
