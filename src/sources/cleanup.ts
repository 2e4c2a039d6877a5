/**
 * Work that must happen even when the user presses Ctrl-C (dropping a temporary database). The CLI calls
 * `runCleanups` from its signal handlers; library callers get the same through `finally` blocks.
 */
const pending = new Set<() => Promise<void>>();

export function registerCleanup(fn: () => Promise<void>): () => void {
  pending.add(fn);
  return () => pending.delete(fn);
}

export async function runCleanups(): Promise<void> {
  const fns = [...pending];
  pending.clear();
  await Promise.allSettled(fns.map((fn) => fn()));
}
