import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "CREATE TABLE t (id bigint NOT NULL); ALTER TABLE ONLY t ADD CONSTRAINT t_pkey PRIMARY KEY (id);",
    "CREATE TABLE t (id bigint PRIMARY KEY);",
    "CREATE TABLE u (a int, b int, PRIMARY KEY (a, b));",
    "CREATE TABLE p (id bigint, at date, PRIMARY KEY (id, at)) PARTITION BY RANGE (at); CREATE TABLE p1 PARTITION OF p FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');",
    // pg_dump (pagila): the partition is created as a plain table and attached at the end; the parent holds the key.
    "CREATE TABLE public.payment (payment_id integer NOT NULL, payment_date timestamptz NOT NULL, PRIMARY KEY (payment_date, payment_id)) PARTITION BY RANGE (payment_date); CREATE TABLE public.payment_p2022_01 (payment_id integer NOT NULL, payment_date timestamptz NOT NULL); ALTER TABLE ONLY public.payment ATTACH PARTITION public.payment_p2022_01 FOR VALUES FROM ('2022-01-01 00:00:00+00') TO ('2022-02-01 00:00:00+00');",
  ],
  invalid: [{ sql: "CREATE TABLE logs (message text);", findings: 1 }, { sql: "CREATE TABLE a (id int); CREATE TABLE b (id int); ALTER TABLE a ADD PRIMARY KEY (id);", findings: 1 },
    // Attached to a parent without a key: the parent is flagged, the partition not on its own.
    { sql: "CREATE TABLE p (id bigint, at date) PARTITION BY RANGE (at); CREATE TABLE p1 (id bigint, at date); ALTER TABLE p ATTACH PARTITION p1 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');", findings: 1 },
  ],
} satisfies RuleCases;
