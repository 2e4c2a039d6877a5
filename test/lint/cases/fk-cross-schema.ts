import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE SCHEMA billing; CREATE TABLE billing.accounts (id bigint PRIMARY KEY); CREATE TABLE customers (id bigint PRIMARY KEY);",
  valid: [
    "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers);",
    "CREATE TABLE billing.invoices (id bigint PRIMARY KEY, account_id bigint REFERENCES billing.accounts);",
    // MusicBrainz: the file switches schema with SET search_path; the unqualified table is in billing, like its target.
    "SET search_path = 'billing'; CREATE TABLE art_type (id bigint PRIMARY KEY, parent bigint); ALTER TABLE art_type ADD CONSTRAINT art_type_fk_parent FOREIGN KEY (parent) REFERENCES billing.art_type (id);",
    // PostgREST: a qualified table whose unqualified reference resolves through the path to its own schema.
    "SET search_path = billing, pg_catalog; CREATE TABLE billing.organizations (id bigint PRIMARY KEY, referee bigint REFERENCES organizations (id));",
  ],
  invalid: [
    { sql: "CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint REFERENCES billing.accounts, customer_id bigint REFERENCES public.customers);", findings: 1 },
    { sql: 'CREATE TABLE "Orders" (id bigint PRIMARY KEY, account_id bigint); ALTER TABLE "Orders" ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES billing.accounts (id) NOT VALID;', findings: 1 },
    { sql: "SET search_path = billing; CREATE TABLE public.notes (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts (id));", findings: 1 },
  ],
} satisfies RuleCases;
