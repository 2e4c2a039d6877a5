/** True when this process runs on Bun (the only runtime with Bun.sql). */
export function isBunRuntime(): boolean {
  return typeof process !== "undefined" && typeof process.versions?.bun === "string";
}
