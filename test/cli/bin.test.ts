import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { describe, it } from "node:test";

/**
 * The built bin, as `npx pg-schema` runs it: through its shebang, so it must be executable. `npm ci` builds it
 * (`prepare`); a work tree that was never built reports this skipped.
 */
const root = new URL("../../", import.meta.url);
const bin = new URL((JSON.parse(readFileSync(new URL("package.json", root), "utf8")) as { bin: Record<string, string> }).bin["pg-schema"]!, root);

describe("the pg-schema bin", () => {
  it("is executable and runs by its shebang", { skip: existsSync(bin) ? false : "dist/ is not built (npm run build)" }, () => {
    assert.ok((statSync(bin).mode & 0o111) !== 0, `${bin.pathname} is not executable`);
    assert.match(execFileSync(bin.pathname, ["--version"], { encoding: "utf8" }), /\d+\.\d+\.\d+/);
  });
});
