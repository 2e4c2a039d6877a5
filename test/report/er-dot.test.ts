import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MAX_CLUSTER_TABLES } from "../../src/report/er-clusters.js";
import { erDot, html } from "../../src/report/er-dot.js";
import { catalogOf, fk, pk, syntheticCatalog, tableOf, unique } from "../helpers/synthetic-catalog.js";

const users = tableOf("public.users", ["id bigint not null", "email text not null", "manager_id bigint"], [
  pk("users_pkey", "id"),
  unique("users_email_key", "email"),
  fk("users_manager_id_fkey", ["manager_id"], "public.users", ["id"]),
]);
const orders = tableOf("public.orders", ["id bigint not null", "user_id bigint not null", "coupon_id bigint"], [
  pk("orders_pkey", "id"),
  fk("orders_user_id_fkey", ["user_id"], "public.users", ["id"]),
  fk("orders_coupon_id_fkey", ["coupon_id"], "public.coupons", ["id"]),
]);
const coupons = tableOf("public.coupons", ["id bigint not null", "code text"], [pk("coupons_pkey", "id")]);
const profiles = tableOf("public.profiles", ["user_id bigint not null", "bio text"], [
  pk("profiles_pkey", "user_id"),
  fk("profiles_user_id_fkey", ["user_id"], "public.users", ["id"]),
]);
const audit = tableOf("public.audit", ["at timestamp with time zone not null", "what character varying(200)"]);
const shop = catalogOf([audit, coupons, orders, profiles, users]);

/** The DOT statement of one node, by its table id. */
function nodeLine(dot: string, id: string): string {
  const line = dot.split("\n").find((l) => l.trimStart().startsWith(`"${id}" [label=`));
  assert.ok(line, `no node ${id} in\n${dot}`);
  return line;
}

describe("erDot", () => {
  it("draws one node per table with a row per column: type, markers PK / FK / UQ / NN, a port on each side", () => {
    const dot = erDot(shop);
    const node = nodeLine(dot, "public.users");
    assert.match(node, /<TD ALIGN="LEFT" PORT="l0"><B>id<\/B><\/TD><TD ALIGN="LEFT"><FONT COLOR="#6b7785">bigint<\/FONT><\/TD><TD ALIGN="RIGHT" PORT="r0"><FONT POINT-SIZE="8">PK<\/FONT><\/TD>/);
    assert.match(node, /PORT="l1">email<.*?>UQ NN</);
    assert.match(node, /PORT="l2">manager_id<.*?>FK</);
    // format_type text is shortened for the diagram.
    assert.match(nodeLine(dot, "public.audit"), />timestamptz<.*>varchar\(200\)</);
  });

  it("draws each foreign key from its column's port to the referenced column's port, crow's foot on the many side", () => {
    const dot = erDot(shop);
    assert.match(dot, /"public\.orders":r1:e -> "public\.users":l0:w \[arrowtail=crowodot, arrowhead=teetee[,\]]/, "mandatory many-to-one");
    assert.match(dot, /"public\.orders":r2:e -> "public\.coupons":l0:w \[arrowtail=crowodot, arrowhead=teeodot[,\]]/, "nullable: zero or one parent");
    assert.match(dot, /"public\.profiles":r0:e -> "public\.users":l0:w \[arrowtail=teeodot, arrowhead=teetee[,\]]/, "unique key: one-to-one");
    assert.match(dot, /"public\.users":r2:e -> "public\.users":l0:w \[arrowtail=crowodot, arrowhead=teeodot[,\]]/, "self-reference");
    assert.equal(dot.match(/ -> "public\.[a-z]+":l\d+:w/g)?.length, 4);
  });

  it("clusters by foreign-key-connected component when there is one schema; lone tables share a box", () => {
    const dot = erDot(shop);
    const labels = [...dot.matchAll(/graph \[label=<<B>(.*?)<\/B>>/g)].map((m) => m[1]);
    assert.deepEqual(labels.sort(), ["tables without foreign keys", "users and related tables"]);
    // One component only: no frame at all.
    assert.doesNotMatch(erDot(catalogOf([orders, users, coupons])), /subgraph/);
  });

  it("clusters by schema when there are several, and by the groups option when given", () => {
    const twoSchemas = catalogOf([users, tableOf("billing.invoices", ["id bigint not null", "user_id bigint"], [fk("invoices_user_id_fkey", ["user_id"], "public.users", ["id"])])]);
    const bySchema = erDot(twoSchemas);
    assert.deepEqual([...bySchema.matchAll(/graph \[label=<<B>(.*?)<\/B>>/g)].map((m) => m[1]).sort(), ["billing", "public"]);
    assert.match(bySchema, /<B>billing\.invoices<\/B>/, "tables are qualified when there are several schemas");

    const groups = new Map([["public.users", "accounts & <people>"], ["public.profiles", "accounts & <people>"], ["public.orders", "sales"]]);
    const byGroup = erDot(shop, { groups });
    const labels = [...byGroup.matchAll(/graph \[label=<<B>(.*?)<\/B>>/g)].map((m) => m[1]).sort();
    assert.deepEqual(labels, ["accounts &amp; &lt;people&gt;", "other tables", "sales"]);
    const cluster = byGroup.slice(byGroup.indexOf("accounts &amp;"), byGroup.indexOf("  }", byGroup.indexOf("accounts &amp;")));
    assert.match(cluster, /"public\.users" \[label=/);
    assert.match(cluster, /"public\.profiles" \[label=/);
    assert.doesNotMatch(cluster, /"public\.orders" \[label=/);
  });

  it("folds partitions into the partitioned table and redirects keys that name a partition", () => {
    const events = tableOf("public.events", ["id bigint not null", "at timestamp with time zone not null"], [pk("events_pkey", "id", "at")], {
      partitioning: { strategy: "range", key: "RANGE (at)" },
    });
    const part = (name: string, bound: string) =>
      tableOf(`public.${name}`, ["id bigint not null", "at timestamp with time zone not null"], [], { partitionOf: { parent: { schema: "public", name: "events" }, bound } });
    const sub = tableOf("public.events_2025", ["id bigint not null", "at timestamp with time zone not null"], [], {
      partitionOf: { parent: { schema: "public", name: "events" }, bound: "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')" },
      partitioning: { strategy: "list", key: "LIST (id)" },
    });
    const subPart = tableOf("public.events_2025_a", ["id bigint not null", "at timestamp with time zone not null"], [], {
      partitionOf: { parent: { schema: "public", name: "events_2025" }, bound: "FOR VALUES IN (1)" },
    });
    const notes = tableOf("public.notes", ["id bigint not null", "event_id bigint", "event_at timestamp with time zone"], [
      fk("notes_event_fkey", ["event_id", "event_at"], "public.events_2024", ["id", "at"]),
    ]);
    const dot = erDot(catalogOf([events, part("events_2024", "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"), sub, subPart, notes]));
    assert.doesNotMatch(dot, /"public\.events_20/);
    assert.match(nodeLine(dot, "public.events"), /partitioned by RANGE \(at\) · 3 partitions/);
    assert.match(dot, /"public\.notes":r1:e -> "public\.events":l0:w/);
  });

  it("draws tables referenced from outside the catalog as dashed stubs", () => {
    const dot = erDot(catalogOf([orders, users]));
    const stub = nodeLine(dot, "public.coupons");
    assert.match(stub, /STYLE="dashed"/);
    assert.match(stub, /not in this catalog/);
    assert.match(stub, /PORT="l0">id</);
  });

  it("escapes every name: HTML entities in labels, backslash and quote in DOT ids", () => {
    const odd = tableOf('public.a"b<c>&\\', ["x<y> text", "it's character(3) not null", "line\nbreak integer"], [pk("p", "x<y>")]);
    const dot = erDot(catalogOf([odd]));
    const node = nodeLine(dot, 'public.a\\"b<c>&\\\\');
    assert.match(node, /<B>a&quot;b&lt;c&gt;&amp;\\<\/B>/);
    assert.match(node, /<B>x&lt;y&gt;<\/B>/);
    assert.match(node, /it&#39;s/);
    assert.match(node, /line\u240abreak/, "control characters become visible pictures");
    assert.equal(html(`<&>"'`), "&lt;&amp;&gt;&quot;&#39;");
  });

  it("is deterministic: the same text whatever the order of the catalog's lists", () => {
    const shuffled = catalogOf([users, profiles, orders, audit, coupons].map((t) => ({ ...t, constraints: [...t.constraints].reverse() })));
    assert.equal(erDot(shuffled), erDot(shop));
    const big = syntheticCatalog(120, { seed: 7 });
    assert.equal(erDot({ ...big, tables: [...big.tables].reverse() }), erDot(big));
  });

  it("cuts a 300-table schema into boxes of at most MAX_CLUSTER_TABLES laid out in several columns", () => {
    const dot = erDot(syntheticCatalog(300));
    const boxes = dot.split('  subgraph "cluster_').slice(1).map((b) => b.slice(0, b.indexOf("\n  }")));
    assert.ok(boxes.length >= 300 / MAX_CLUSTER_TABLES, `${boxes.length} boxes`);
    const tablesIn = (box: string) => (box.match(/^ {4}"[^"]+" \[label=</gm) ?? []).length;
    for (const box of boxes) assert.ok(tablesIn(box) <= MAX_CLUSTER_TABLES);
    assert.equal(boxes.reduce((n, b) => n + tablesIn(b), 0), 300);
    assert.ok(dot.includes('"__column_2"'), "at least three columns of boxes");
  });
});
