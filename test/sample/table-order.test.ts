import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type OrderEdge, orderTables } from "../../src/sample/table-order.js";

const edge = (child: string, parent: string, nullable = false, deferrable = false): OrderEdge => ({
  child, parent, key: `${child}_${parent}_fkey`, nullable, deferrable,
});

describe("orderTables", () => {
  it("puts parents first, ties by name", () => {
    const o = orderTables(["c", "b", "a", "d"], [edge("c", "b"), edge("b", "a"), edge("d", "a")]);
    assert.deepEqual(o.order, ["a", "b", "c", "d"]);
    assert.equal(o.broken.size + o.deferred.size + o.stuck.size, 0);
  });

  it("ignores self-references (rows point at earlier rows of their table)", () => {
    assert.deepEqual(orderTables(["t"], [edge("t", "t")]).order, ["t"]);
  });

  it("cuts a cycle at a nullable key: its child comes first", () => {
    const o = orderTables(["account", "address"], [edge("account", "address", true), edge("address", "account")]);
    assert.deepEqual(o.order, ["account", "address"]);
    assert.deepEqual([...o.broken], ["account/account_address_fkey"]);
  });

  it("cuts a NOT NULL cycle at a deferrable key", () => {
    const o = orderTables(["department", "employee"], [edge("department", "employee", false, true), edge("employee", "department")]);
    assert.deepEqual(o.order, ["department", "employee"]);
    assert.deepEqual([...o.deferred], ["department/department_employee_fkey"]);
  });

  it("reports a cycle of NOT NULL, NOT DEFERRABLE keys and leaves its tables (and their children) out", () => {
    const o = orderTables(["a", "b", "c", "z"], [edge("a", "b"), edge("b", "a"), edge("c", "a"), edge("z", "z")]);
    assert.deepEqual(o.order, ["c", "z"]);
    assert.match(o.stuck.get("a") ?? "", /cycle of NOT NULL, NOT DEFERRABLE keys: a → b → a/);
  });
});
