import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "CREATE TABLE audit (id bigint); CREATE TRIGGER audit_stamp BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION stamp(); ALTER TABLE audit DISABLE TRIGGER audit_stamp;",
    "CREATE OR REPLACE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';",
    // PostgREST's fixtures: a table created qualified, its trigger named through the search_path.
    "CREATE SCHEMA test; SET search_path = test, pg_catalog; CREATE TABLE test.infinite_inserts (id int, name text); CREATE TRIGGER do_infinite_inserts AFTER INSERT ON infinite_inserts FOR EACH ROW EXECUTE FUNCTION public.stamp();",
    // MusicBrainz: created unqualified after SET search_path, its trigger named qualified.
    "CREATE SCHEMA cover_art_archive; SET search_path = 'cover_art_archive'; CREATE TABLE cover_art (id bigint); SET search_path = public; CREATE TRIGGER update_release_coverart AFTER INSERT OR DELETE ON cover_art_archive.cover_art FOR EACH ROW EXECUTE FUNCTION public.stamp(); ALTER TABLE cover_art_archive.cover_art DISABLE TRIGGER update_release_coverart;",
    // PostgREST's fixtures: an INSTEAD OF trigger on a view this file just created.
    "CREATE TABLE projects (id bigint PRIMARY KEY, name text); CREATE VIEW projects_view AS SELECT id, name FROM projects; CREATE FUNCTION projects_view_insert() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN INSERT INTO projects VALUES (NEW.id, NEW.name); RETURN NEW; END'; CREATE TRIGGER projects_view_insert INSTEAD OF INSERT ON projects_view FOR EACH ROW EXECUTE FUNCTION projects_view_insert();",
  ],
  invalid: [
    { sql: "CREATE TRIGGER orders_stamp BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION stamp();", findings: 1 },
    { sql: "DROP TRIGGER IF EXISTS orders_stamp ON app.orders;", findings: 1 },
    { sql: "ALTER TABLE orders DISABLE TRIGGER ALL, ENABLE TRIGGER orders_stamp;", findings: 2 },
    // A view replaced here may be an existing one that writers use.
    { sql: "CREATE OR REPLACE VIEW orders_view AS SELECT 1 AS id; CREATE TRIGGER orders_view_insert INSTEAD OF INSERT ON orders_view FOR EACH ROW EXECUTE FUNCTION orders_view_insert();", findings: 1 },
  ],
} satisfies RuleCases;
