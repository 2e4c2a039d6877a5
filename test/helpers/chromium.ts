import { accessSync, constants, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "puppeteer-core";

/**
 * Opens local HTML files in headless Chromium (puppeteer-core drives the system browser; it downloads none) and
 * reports what a reader's browser would complain about: console errors and warnings, uncaught exceptions, and every
 * request that leaves the page (any network request is a failure: pg-schema's pages are self-contained; such
 * requests are aborted, never sent). CI installs the browser with `apt-get install -y chromium`; `CHROMIUM_PATH`
 * points elsewhere.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Why the browser tests cannot run here, or undefined when they can: pass it to `it(…, { skip })`. */
export function chromiumSkipReason(): string | undefined {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
    return undefined;
  } catch {
    return `SKIPPED: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
  }
}

export interface ConsoleEntry {
  readonly type: string;
  readonly text: string;
}

export interface PageReport {
  /** `console.error` / `console.warn` and browser messages of those levels (CSP violations included). */
  readonly consoleErrors: readonly ConsoleEntry[];
  readonly consoleWarnings: readonly ConsoleEntry[];
  /** Uncaught exceptions in the page. */
  readonly pageErrors: readonly string[];
  /** Every request other than the page itself and `data:` URLs, aborted: `METHOD url`. */
  readonly failedRequests: readonly string[];
  /** Where the screenshot went, when one was asked for. */
  readonly screenshot?: string;
}

export interface OpenedPage extends PageReport {
  /**
   * Runs JavaScript in the page and returns its (JSON-serializable) result: an expression as text (the repository
   * compiles without DOM types, so page code is best written as a string), or a function, serialized, which sees the
   * page's globals and not this module's scope.
   */
  evaluate<T>(code: string | (() => T | Promise<T>)): Promise<T>;
  readonly page: Page;
}

export interface OpenOptions {
  /** PNG path for a screenshot of the viewport after load (folders are created). */
  readonly screenshot?: string;
  readonly viewport?: { readonly width: number; readonly height: number };
}

/** One browser per test file: `launch()` in `before`, `close()` in `after`. */
export class Chromium {
  #browser: Browser | undefined;

  async launch(): Promise<void> {
    const { default: puppeteer } = await import("puppeteer-core");
    this.#browser = await puppeteer.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ["--no-sandbox", "--headless=new", "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions"],
    });
  }

  async open(file: string, options: OpenOptions = {}): Promise<OpenedPage> {
    if (!this.#browser) throw new Error("Chromium.open before launch()");
    const page = await this.#browser.newPage();
    const url = pathToFileURL(file).href;
    const consoleErrors: ConsoleEntry[] = [];
    const consoleWarnings: ConsoleEntry[] = [];
    const pageErrors: string[] = [];
    const failedRequests: string[] = [];
    page.on("console", (m) => {
      const type = m.type();
      if (type === "error") consoleErrors.push({ type, text: m.text() });
      if (type === "warn") consoleWarnings.push({ type, text: m.text() });
    });
    page.on("pageerror", (e) => pageErrors.push(e instanceof Error ? e.message : String(e)));
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      const target = request.url();
      if (target === url || target.startsWith("data:")) {
        void request.continue();
        return;
      }
      failedRequests.push(`${request.method()} ${target}`);
      void request.abort("blockedbyclient");
    });
    await page.setViewport(options.viewport ?? { width: 1280, height: 900 });
    await page.goto(url, { waitUntil: "load" });
    let screenshot: string | undefined;
    if (options.screenshot !== undefined) {
      mkdirSync(dirname(options.screenshot), { recursive: true });
      await page.screenshot({ path: options.screenshot as `${string}.png` });
      screenshot = options.screenshot;
    }
    return {
      page,
      consoleErrors,
      consoleWarnings,
      pageErrors,
      failedRequests,
      ...(screenshot !== undefined ? { screenshot } : {}),
      evaluate: <T>(code: string | (() => T | Promise<T>)) => page.evaluate(code) as Promise<T>,
    };
  }

  async close(): Promise<void> {
    await this.#browser?.close();
    this.#browser = undefined;
  }
}
