import type { Statement } from "../statements.js";

/**
 * Memory a statement rule keeps across the statements of one migration file, for facts `MigrationState` does not
 * carry (a CHECK validated earlier in the file, a domain created in it). `lintMigration` calls a rule on each
 * statement of a file in order, synchronously, one file at a time; a new file shows as the statement position going
 * back (index and byte offset start over), and the memory then starts fresh.
 *
 * `const memory = fileMemory(() => new Map())` at module level; `memory(statement)` in the hook, on every statement
 * (also those the rule does not report on), returns that file's memory.
 */
export function fileMemory<T>(fresh: () => T): (statement: Statement) => T {
  let memory = fresh();
  let last: { index: number; byteStart: number } | undefined;
  return (statement) => {
    if (!last || statement.index <= last.index || statement.byteStart <= last.byteStart) memory = fresh();
    last = { index: statement.index, byteStart: statement.byteStart };
    return memory;
  };
}
