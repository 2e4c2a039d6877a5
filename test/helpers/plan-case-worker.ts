import { isMainThread, parentPort, Worker } from "node:worker_threads";
import { type CaseResult, runCase } from "./plan-case-run.js";
import { PgliteScratch } from "./pglite.js";

/**
 * The fixture cases are independent and PGlite runs on the thread that calls it, so the suite spreads the cases
 * over worker threads, each with its own two scratch databases (worth it from four cores up). In a worker this module answers `{ id, name }` with `{ id, result }`; `CasePool` is the other end.
 */
interface Request {
  readonly id: number;
  readonly name?: string;
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const scratches = { from: new PgliteScratch(), to: new PgliteScratch() };
  port.on("message", async (request: Request) => {
    if (request.name === undefined) {
      await scratches.from.close();
      await scratches.to.close();
      port.postMessage({ id: request.id, closed: true });
      return;
    }
    try {
      port.postMessage({ id: request.id, result: await runCase(request.name, scratches) });
    } catch (e) {
      const problem = { category: "fixture", message: `the harness failed on this case: ${(e as Error).stack ?? String(e)}` };
      port.postMessage({ id: request.id, result: { up: [problem], down: [problem] } });
    }
  });
}

/** Runs cases on `size` workers, one case per worker at a time, in the order asked. */
export class CasePool {
  readonly #idle: Worker[] = [];
  readonly #all: Worker[] = [];
  readonly #queue: { name: string; resolve: (r: CaseResult) => void; reject: (e: unknown) => void }[] = [];
  readonly #pending = new Map<number, { worker: Worker; resolve: (r: CaseResult) => void; reject: (e: unknown) => void }>();
  #next = 0;

  constructor(readonly size: number) {}

  run(name: string): Promise<CaseResult> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ name, resolve, reject });
      this.#dispatch();
    });
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      const worker = this.#idle.pop() ?? (this.#all.length < this.size ? this.#spawn() : undefined);
      if (!worker) return;
      const job = this.#queue.shift()!;
      const id = this.#next++;
      this.#pending.set(id, { worker, resolve: job.resolve, reject: job.reject });
      worker.postMessage({ id, name: job.name });
    }
  }

  #spawn(): Worker {
    // A worker does not inherit the hooks that let this process import TypeScript: its entry registers tsx first.
    const entry = `import { register } from ${JSON.stringify(import.meta.resolve("tsx/esm/api"))}; register(); await import(${JSON.stringify(import.meta.url)});`;
    const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(entry)}`));
    worker.on("message", (m: { id: number; result: CaseResult; closed?: true }) => {
      if (m.closed) {
        void worker.terminate();
        return;
      }
      const job = this.#pending.get(m.id);
      if (!job) return;
      this.#pending.delete(m.id);
      job.resolve(m.result);
      this.#idle.push(worker);
      this.#dispatch();
    });
    worker.on("error", (e) => {
      for (const [id, job] of this.#pending) {
        if (job.worker !== worker) continue;
        this.#pending.delete(id);
        job.reject(e);
      }
    });
    this.#all.push(worker);
    return worker;
  }

  async close(): Promise<void> {
    await Promise.all(
      this.#all.map((w) => new Promise<void>((resolve) => {
        w.once("exit", () => resolve());
        w.postMessage({ id: -1 });
      })),
    );
  }
}
