import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { erMermaid } from "../../src/report/er-mermaid.js";
import { catalogOf, fk, pk, tableOf, unique } from "../helpers/synthetic-catalog.js";

describe("erMermaid", () => {
  it("writes entities with typed, keyed attributes and one relationship per foreign key", () => {
    const catalog = catalogOf([
      tableOf("public.users", ["id bigint not null", "email text not null", "manager_id bigint"], [
        pk("users_pkey", "id"),
        unique("users_email_key", "email"),
        fk("users_manager_id_fkey", ["manager_id"], "public.users", ["id"]),
      ]),
      tableOf("public.orders", ["id bigint not null", "user_id bigint not null", "total numeric(12,2)", "placed_at timestamp with time zone"], [
        pk("orders_pkey", "id"),
        fk("orders_user_id_fkey", ["user_id"], "public.users", ["id"]),
      ]),
      tableOf("public.order_lines", ["order_id bigint not null", "line integer not null"], [
        pk("order_lines_pkey", "order_id", "line"),
        fk("order_lines_order_id_fkey", ["order_id"], "public.orders", ["id"]),
      ]),
      tableOf("public.profiles", ["user_id bigint not null"], [pk("profiles_pkey", "user_id"), fk("profiles_user_id_fkey", ["user_id"], "public.users", ["id"])]),
    ]);
    assert.equal(
      erMermaid(catalog),
      [
        "erDiagram",
        '  "order_lines" {',
        "    bigint order_id PK, FK",
        "    integer line PK",
        "  }",
        '  "orders" {',
        "    bigint id PK",
        "    bigint user_id FK",
        "    numeric(12,2) total",
        "    timestamptz placed_at",
        "  }",
        '  "profiles" {',
        "    bigint user_id PK, FK",
        "  }",
        '  "users" {',
        "    bigint id PK",
        "    text email UK",
        "    bigint manager_id FK",
        "  }",
        // identifying (the key is part of the child's primary key), mandatory parent
        '  "orders" ||--o{ "order_lines" : "order_id"',
        // not identifying, mandatory parent
        '  "users" ||..o{ "orders" : "user_id"',
        // one-to-one: the referencing column is the child's key
        '  "users" ||--o| "profiles" : "user_id"',
        // nullable: zero or one parent; self-reference
        '  "users" |o..o{ "users" : "manager_id"',
        "",
      ].join("\n"),
    );
  });

  it("quotes entity names and renames words Mermaid's lexer would take for keywords or reject", () => {
    const column = (name: string, type: string) => ({ name, type, notNull: false });
    const catalog = catalogOf([
      { ...tableOf("app.class", [], [pk("class_pkey", "pk")]), columns: [column("pk", "integer"), column("Full Name", "text"), column("uk-code", "text")] },
      { ...tableOf("app.many things", [], [fk("f", ['"quoted"%'], "app.class", ["pk"])]), columns: [column('"quoted"%', "double precision")] },
      tableOf("billing.style", ["id bigint"]),
    ]);
    const text = erMermaid(catalog);
    assert.match(text, /^ {2}"app\.class" \{$/m);
    assert.match(text, /^ {4}integer _pk PK "pk"$/m);
    assert.match(text, /^ {4}text Full_Name "Full Name"$/m);
    assert.match(text, /^ {4}text _uk-code "uk-code"$/m);
    assert.match(text, /^ {2}"app\.many things" \{$/m);
    assert.match(text, /^ {2}"billing\.style" \{$/m);
    assert.match(text, /^ {4}double_precision _quoted__ FK "'quoted'%"$/m);
    assert.match(text, /^ {2}"app\.class" \|o\.\.o\{ "app\.many things" : "'quoted'%"$/m);
  });

  it("folds partitions, notes them in a comment, and names referenced tables outside the catalog", () => {
    const catalog = catalogOf([
      tableOf("public.events", ["id bigint not null", "user_id bigint not null"], [fk("events_user_id_fkey", ["user_id"], "auth.users", ["id"])], {
        partitioning: { strategy: "hash", key: "HASH (id)" },
      }),
      tableOf("public.events_p0", ["id bigint not null", "user_id bigint not null"], [], {
        partitionOf: { parent: { schema: "public", name: "events" }, bound: "FOR VALUES WITH (modulus 2, remainder 0)" },
      }),
    ]);
    const text = erMermaid(catalog);
    assert.doesNotMatch(text, /events_p0/);
    assert.match(text, /%% "public\.events": partitioned by HASH \(id\) · 1 partition/);
    assert.match(text, /%% "auth\.users": auth\.users is not in this catalog/);
    assert.match(text, /"auth\.users" \|\|\.\.o\{ "public\.events" : "user_id"/);
  });
});
