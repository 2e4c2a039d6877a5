import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DependencyCycleError, orderPieces } from "../../src/sql/ddl/order.js";
import { type DdlPiece, piece } from "../../src/sql/ddl/piece.js";

const p = (id: string, phase: DdlPiece["phase"], requires: string[] = [], split?: () => DdlPiece[]): DdlPiece =>
  piece({ creates: [id], requires, statements: [`-- ${id}`], phase, ...(split ? { split } : {}) });
const ids = (pieces: readonly DdlPiece[]) => pieces.map((x) => x.creates[0] ?? x.statements[0]);

describe("orderPieces", () => {
  it("puts what is needed first, by catalog edge or by requires, else by phase then key", () => {
    const pieces = [p("view:v", "view"), p("table:b", "table"), p("table:a", "table"), p("schema:s", "schema")];
    const ordered = orderPieces(pieces, [{ from: "view:v", to: "table:b" }]);
    assert.deepEqual(ids(ordered), ["schema:s", "table:a", "table:b", "view:v"]);
    // A dependency against the phase order wins over the phase.
    const reversed = orderPieces([p("function:f()", "function", ["table:t"]), p("table:t", "table")], []);
    assert.deepEqual(ids(reversed), ["table:t", "function:f()"]);
  });

  it("follows edges to sub-objects through the piece that creates them", () => {
    const table = piece({ creates: ["table:t", "column:t.c"], statements: ["-- t"], phase: "table" });
    const view = p("view:v", "view");
    assert.deepEqual(ids(orderPieces([view, table], [{ from: "view:v", to: "column:t.c" }])), ["table:t", "view:v"]);
  });

  it("ignores edges to objects no piece creates", () => {
    assert.deepEqual(ids(orderPieces([p("table:t", "table")], [{ from: "table:t", to: "extension:x" }])), ["table:t"]);
  });

  it("breaks a cycle by splitting a piece that offers it", () => {
    const whole = ["table:t", "column:t.c", "default:t.c"];
    const table = piece({
      creates: whole,
      statements: ["-- t with default"],
      phase: "table",
      split: () => [
        piece({ creates: ["table:t", "column:t.c"], statements: ["-- t"], phase: "table" }),
        piece({ creates: ["default:t.c"], requires: ["table:t"], statements: ["-- default"], phase: "table" }),
      ],
    });
    const fn = p("function:f()", "function", ["table:t"]);
    const ordered = orderPieces([fn, table], [{ from: "default:t.c", to: "function:f()" }]);
    assert.deepEqual(ordered.map((x) => x.statements[0]), ["-- t", "-- function:f()", "-- default"]);
  });

  it("reports a cycle nothing can split, naming its members", () => {
    assert.throws(
      () => orderPieces([p("view:a", "view", ["view:b"]), p("view:b", "view", ["view:a"])], []),
      (e: unknown) => e instanceof DependencyCycleError && e.cycle.includes("view:a") && e.cycle.includes("view:b"),
    );
  });
});
