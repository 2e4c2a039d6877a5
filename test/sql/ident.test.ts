import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { dollarQuoted, ident, literal, qualified, role } from "../../src/sql/ident.js";

describe("ident", () => {
  it("leaves plain lower-case names bare and quotes everything else", () => {
    assert.equal(ident("users"), "users");
    assert.equal(ident("user_2$"), "user_2$");
    assert.equal(ident("Users"), '"Users"');
    assert.equal(ident("2fa"), '"2fa"');
    assert.equal(ident("has space"), '"has space"');
    assert.equal(ident('SPECIAL "@/\\#~_-'), '"SPECIAL ""@/\\#~_-"');
    assert.equal(ident("تست"), '"تست"');
    assert.equal(ident("bıgınt"), '"bıgınt"');
  });

  it("quotes keywords PostgreSQL reserves, including json (a keyword since 16), not unreserved ones", () => {
    for (const k of ["user", "order", "table", "select", "json", "authorization", "system_user"]) assert.equal(ident(k), `"${k}"`);
    for (const k of ["name", "type", "data", "key", "value", "text"]) assert.equal(ident(k), k);
  });

  it("qualifies, and writes PUBLIC as the keyword in role position", () => {
    assert.equal(qualified("public", "Order"), 'public."Order"');
    assert.equal(role("PUBLIC"), "PUBLIC");
    assert.equal(role("app_user"), "app_user");
    assert.equal(role("App"), '"App"');
  });
});

describe("literal", () => {
  it("doubles quotes and uses E'' only for backslashes", () => {
    assert.equal(literal("it's"), "'it''s'");
    assert.equal(literal("a\\b"), "E'a\\\\b'");
    assert.equal(literal("line\nbreak"), "'line\nbreak'");
  });

  it("dollar-quotes with a tag absent from the text", () => {
    assert.equal(dollarQuoted("select 1"), "$$select 1$$");
    assert.equal(dollarQuoted("a $$ b"), "$_$a $$ b$_$");
  });
});
