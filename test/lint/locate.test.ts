import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseMigration } from "../../src/lint/statements.js";
import { lineColumn } from "../../src/sources/source-error.js";
import { byteToIndex } from "../../src/sources/split-statements.js";
import { loadParser } from "../../src/sql/parser.js";

describe("parseMigration's locate (line starts indexed once, binary search)", () => {
  it("gives lineColumn's answer for every byte offset, with newlines, CRLF, multi-byte and astral characters", async () => {
    const parser = await loadParser();
    const texts = [
      "SELECT 1;",
      "\n\nSELECT 1;\n",
      "SELECT 'é\n';\r\n\r\nSELECT 2;\n-- ünïcødé 🐘\nSELECT '🐘', 3;",
      Array.from({ length: 200 }, (_, i) => `CREATE TABLE t${i} (id bigint${i % 7 === 0 ? ", name text -- ø\n" : ""});`).join("\n"),
    ];
    for (const text of texts) {
      const { locate } = parseMigration(parser, "f.sql", text);
      const toIndex = byteToIndex(text);
      for (let b = 0; b <= Buffer.byteLength(text); b++) {
        assert.deepEqual(locate(b), { file: "f.sql", ...lineColumn(text, toIndex(b)) }, `byte ${b} of ${JSON.stringify(text.slice(0, 40))}`);
      }
    }
  });
});
