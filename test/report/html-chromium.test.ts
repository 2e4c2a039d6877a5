import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Catalog } from "../../src/catalog/model.js";
import { erMermaid } from "../../src/report/er-mermaid.js";
import { renderErSvg } from "../../src/report/er-svg.js";
import { htmlPage } from "../../src/report/html-page.js";
import { catalogFromSql } from "../../src/sources/sql-files.js";
import { Chromium, chromiumSkipReason } from "../helpers/chromium.js";
import { syntheticCatalog } from "../helpers/synthetic-catalog.js";

const ARTIFACTS = resolve("test-artifacts");

const SQL = `
create schema shop;
create schema auth;
create table auth.users (
  id bigint generated always as identity primary key,
  email text not null unique,
  invited_by bigint references auth.users (id)
);
create table shop.product (id bigint primary key, sku text not null unique, "Title <html> & more" text);
create table shop."order" (
  id bigint primary key,
  user_id bigint not null references auth.users (id),
  placed_at timestamptz not null default now()
);
create table shop.order_line (
  order_id bigint not null references shop."order" (id) on delete cascade,
  line int not null,
  product_id bigint not null references shop.product (id),
  primary key (order_id, line)
);
create table shop.event (id bigint not null, at timestamptz not null, order_id bigint references shop."order" (id), primary key (id, at))
  partition by range (at);
create table shop.event_2024 partition of shop.event for values from ('2024-01-01') to ('2025-01-01');
create table shop.event_2025 partition of shop.event for values from ('2025-01-01') to ('2026-01-01');
`;

/** Tables the diagram must show: every table that is not a partition. */
function drawnTables(catalog: Catalog): string[] {
  return catalog.tables.filter((t) => !t.partitionOf).map((t) => `${t.schema}.${t.name}`).sort();
}

function write(name: string, text: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, name);
  writeFileSync(file, text);
  return file;
}

// Each test carries the reason, so a machine without Chromium counts them as skipped, never as passed.
const skip = chromiumSkipReason();

describe("the HTML report in headless Chromium", () => {
  const browser = new Chromium();
  before(async () => {
    if (skip === undefined) await browser.launch();
  });
  after(() => browser.close());

  it("reports console errors and network requests of a page that has them (the harness does not pass silently)", { skip }, async () => {
    const file = write("harness-check.html", '<!doctype html><title>x</title><img src="http://127.0.0.1:9/x.png"><script>console.error("boom")</script>');
    const page = await browser.open(file);
    assert.deepEqual(page.failedRequests, ["GET http://127.0.0.1:9/x.png"]);
    assert.deepEqual(page.consoleErrors.filter((e) => e.text === "boom").length, 1);
    await page.page.close();
  });

  it("opens the page built from SQL with no console error and no request, and shows every table", { skip }, async () => {
    const catalog = await catalogFromSql([{ name: "report.sql", text: SQL }]);
    const svg = await renderErSvg(catalog);
    const html = htmlPage({
      title: "shop <report>",
      subtitle: `${drawnTables(catalog).length} tables`,
      diagramSvg: svg,
      sections: [
        { id: "mermaid", title: "Mermaid", markdown: `\`\`\`mermaid\n${erMermaid(catalog)}\`\`\`\n` },
        { id: "ddl", title: "DDL", markdown: "Some **SQL**:\n\n```sql\nselect 1 where 2 > 1;\n```\n" },
      ],
    });
    const file = write("er-report.html", html);
    const page = await browser.open(file, { screenshot: join(ARTIFACTS, "er-report.png") });
    console.log(`  screenshot: ${page.screenshot}`);
    assert.deepEqual(page.consoleErrors, []);
    assert.deepEqual(page.consoleWarnings, []);
    assert.deepEqual(page.pageErrors, []);
    assert.deepEqual(page.failedRequests, []);

    const titles = await page.evaluate<string[]>(`[...document.querySelectorAll("svg g.node > title")].map((t) => t.textContent).sort()`);
    assert.deepEqual(titles, drawnTables(catalog));
    assert.deepEqual(drawnTables(catalog), ["auth.users", "shop.event", "shop.order", "shop.order_line", "shop.product"]);
    assert.equal(await page.evaluate("document.title"), "shop <report>");
    assert.equal(await page.evaluate(`document.querySelectorAll("pre code.language-sql").length`), 1);

    // The zoom buttons resize the drawing.
    const widths = await page.evaluate<number[]>(`(() => {
      const svg = document.querySelector(".diagram svg");
      const before = svg.getBoundingClientRect().width;
      document.querySelector('button[data-zoom="in"]').click();
      return [before, svg.getBoundingClientRect().width];
    })()`);
    assert.ok(widths[1]! > widths[0]! * 1.2, `zoom in: ${widths.join(" → ")}`);
    await page.page.close();
  });

  it("shows a 300-table diagram as a grid of boxes, wider than a strip", { skip }, async () => {
    const catalog = syntheticCatalog(300);
    const started = performance.now();
    const svg = await renderErSvg(catalog);
    const renderMs = performance.now() - started;
    const file = write("er-300.html", htmlPage({ title: "300 tables", diagramSvg: svg, sections: [] }));
    const page = await browser.open(file, { screenshot: join(ARTIFACTS, "er-300.png") });
    const shape = await page.evaluate<{ nodes: number; clusters: number; width: number; height: number }>(`(() => {
      const box = document.querySelector(".diagram svg g.graph").getBBox();
      return { nodes: document.querySelectorAll("svg g.node").length, clusters: document.querySelectorAll("svg g.cluster").length, width: box.width, height: box.height };
    })()`);
    console.log(`  300 tables: render ${Math.round(renderMs)} ms, ${shape.clusters} boxes, drawing ${Math.round(shape.width)}×${Math.round(shape.height)} (width/height ${(shape.width / shape.height).toFixed(2)})`);
    assert.deepEqual([page.consoleErrors, page.pageErrors, page.failedRequests], [[], [], []]);
    assert.equal(shape.nodes, 300);
    assert.ok(shape.clusters >= 15);
    const aspect = shape.width / shape.height;
    assert.ok(aspect > 1 / 3 && aspect < 3, `width/height ${aspect.toFixed(2)} is outside 1:3..3:1`);
    await page.page.close();
  });
});
