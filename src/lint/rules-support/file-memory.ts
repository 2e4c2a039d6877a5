import type { Statement } from "../statements.js";

/**
 * Memory a rule keeps across the statements of one migration file, for facts `MigrationState` does not carry (a
 * CHECK validated earlier in the file, a domain created in it). It is keyed by the file's statement list, so a new
 * file starts fresh and a file-end hook reads the same memory.
 *
 * `const memory = fileMemory(() => new Map())` at module level; `memory(statement)` in the statement hook (on every
 * statement it is given), `memory(file)` in the end hook.
 */
export function fileMemory<T>(fresh: () => T): (at: Statement | readonly Statement[]) => T {
  const byFile = new WeakMap<readonly Statement[], T>();
  return (at) => {
    const file = "file" in at ? at.file : at;
    let memory = byFile.get(file);
    if (memory === undefined) byFile.set(file, (memory = fresh()));
    return memory;
  };
}
