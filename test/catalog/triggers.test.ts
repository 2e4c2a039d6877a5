import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { introspect } from "../../src/catalog/introspect.js";
import type { Catalog } from "../../src/catalog/model.js";
import { whenClauseOf } from "../../src/catalog/read/triggers.js";
import { catalogToSql } from "../../src/sql/ddl.js";
import { PgliteScratch } from "../helpers/pglite.js";

const SQL = `
create schema t;
create table t.account (id int primary key, balance int, "Owner" text);
create table t.ledger (id int);
create view t.account_view as select id, balance from t.account;
create function t.touch() returns trigger language plpgsql as $$ begin return new; end $$;
create function t.on_ddl() returns event_trigger language plpgsql as $$ begin end $$;

create trigger guarded before update of balance, "Owner" on t.account for each row
  when (old.balance is distinct from new.balance) execute function t.touch('it''s', '', 'ü\\x');
create constraint trigger checked after insert or delete on t.account from t.ledger
  deferrable initially deferred for each row execute function t.touch();
create trigger batch after update on t.account referencing old table as gone new table as "Fresh"
  for each statement execute function t.touch();
alter table t.account enable replica trigger batch;
create trigger instead instead of insert on t.account_view for each row execute function t.touch();
comment on trigger instead on t.account_view is 'view';

create rule ignore_negative as on insert to t.ledger where new.id < 0 do instead nothing;
alter table t.ledger disable rule ignore_negative;
create rule insert_view as on insert to t.account_view do instead insert into t.account (id, balance) values (new.id, new.balance);

create event trigger watch on ddl_command_end when tag in ('drop table', 'CREATE TABLE') execute function t.on_ddl();
alter event trigger watch enable always;
comment on event trigger watch is 'watches';
`;

describe("triggers, rules and event triggers in the model", () => {
  const scratch = new PgliteScratch();
  let catalog: Catalog;
  before(async () => {
    const db = await scratch.acquire();
    await db.exec(SQL);
    catalog = await introspect(db);
  });
  after(() => scratch.close());

  const trigger = (name: string) => catalog.triggers.find((t) => t.name === name);

  it("reads a row trigger with UPDATE OF, WHEN and arguments", () => {
    assert.deepEqual(trigger("guarded"), {
      table: { schema: "t", name: "account" },
      name: "guarded",
      function: { schema: "t", name: "touch" },
      arguments: ["it's", "", "ü\\x"],
      timing: "before",
      events: ["update"],
      updateColumns: ["balance", "Owner"],
      level: "row",
      when: "(old.balance IS DISTINCT FROM new.balance)",
      definition:
        'CREATE TRIGGER guarded BEFORE UPDATE OF balance, "Owner" ON t.account FOR EACH ROW WHEN ' +
        "((old.balance IS DISTINCT FROM new.balance)) EXECUTE FUNCTION t.touch('it''s', '', 'ü\\x')",
    });
  });

  it("reads a constraint trigger with FROM and its deferral", () => {
    assert.deepEqual(trigger("checked"), {
      table: { schema: "t", name: "account" },
      name: "checked",
      function: { schema: "t", name: "touch" },
      timing: "after",
      events: ["insert", "delete"],
      level: "row",
      constraint: { deferrable: true, initiallyDeferred: true, referencedTable: { schema: "t", name: "ledger" } },
      definition:
        "CREATE CONSTRAINT TRIGGER checked AFTER INSERT OR DELETE ON t.account FROM t.ledger DEFERRABLE INITIALLY DEFERRED " +
        "FOR EACH ROW EXECUTE FUNCTION t.touch()",
    });
  });

  it("reads transition tables, the statement level and the enabled state", () => {
    const batch = trigger("batch");
    assert.equal(batch?.level, "statement");
    assert.equal(batch?.oldTable, "gone");
    assert.equal(batch?.newTable, "Fresh");
    assert.equal(batch?.enabled, "replica");
    assert.equal(batch?.when, undefined);
  });

  it("reads an INSTEAD OF trigger on a view, with its comment", () => {
    const instead = trigger("instead");
    assert.deepEqual(instead?.table, { schema: "t", name: "account_view" });
    assert.equal(instead?.timing, "instead of");
    assert.equal(instead?.comment, "view");
  });

  it("leaves out the internal constraint triggers", () => {
    assert.deepEqual(catalog.triggers.map((t) => t.name).sort(), ["batch", "checked", "guarded", "instead"]);
  });

  it("reads rules with event, INSTEAD and enabled state, not the views' _RETURN rules", () => {
    assert.deepEqual(
      catalog.rules.map(({ definition: _d, ...rest }) => rest),
      [
        { table: { schema: "t", name: "account_view" }, name: "insert_view", event: "insert", instead: true },
        { table: { schema: "t", name: "ledger" }, name: "ignore_negative", event: "insert", instead: true, enabled: "disabled" },
      ],
    );
    assert.match(catalog.rules[1]!.definition, /^CREATE RULE ignore_negative AS\s+ON INSERT TO t\.ledger\s+WHERE \(new\.id < 0\) DO INSTEAD NOTHING;$/);
  });

  it("reads event triggers with sorted upper-case tags", () => {
    assert.deepEqual(catalog.eventTriggers, [
      {
        name: "watch",
        owner: "postgres",
        event: "ddl_command_end",
        tags: ["CREATE TABLE", "DROP TABLE"],
        function: { schema: "t", name: "on_ddl" },
        enabled: "always",
        comment: "watches",
      },
    ]);
  });

  it("writes enabled states and comments, and the event trigger last", () => {
    const sql = catalogToSql(catalog);
    assert.match(sql, /ALTER TABLE t\.account ENABLE REPLICA TRIGGER batch;/);
    assert.match(sql, /ALTER TABLE t\.ledger DISABLE RULE ignore_negative;/);
    assert.match(sql, /COMMENT ON TRIGGER instead ON t\.account_view IS 'view';/);
    assert.match(sql, /CREATE EVENT TRIGGER watch ON ddl_command_end WHEN TAG IN \('CREATE TABLE', 'DROP TABLE'\) EXECUTE FUNCTION t\.on_ddl\(\);/);
    assert.ok(sql.trimEnd().endsWith("COMMENT ON EVENT TRIGGER watch IS 'watches';"), "event trigger statements come last");
  });
});

describe("whenClauseOf", () => {
  it("skips quoted text that looks like the keywords", () => {
    const def =
      `CREATE TRIGGER "FOR EACH ROW WHEN (" BEFORE UPDATE ON s."t)" FOR EACH ROW WHEN ((new.a <> 'x) EXECUTE FUNCTION (''')) ` +
      `EXECUTE FUNCTION s.f('FOR EACH ROW WHEN (')`;
    assert.equal(whenClauseOf(def), "(new.a <> 'x) EXECUTE FUNCTION (''')");
  });

  it("is absent without WHEN", () => {
    assert.equal(whenClauseOf(`CREATE TRIGGER "WHEN (" AFTER INSERT ON s.t FOR EACH STATEMENT EXECUTE FUNCTION s.f('WHEN (x)')`), undefined);
  });
});
