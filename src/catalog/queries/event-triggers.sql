-- Event triggers are database-wide; one belongs to the inspected schemas when its function lives in one of them
-- (elsewhere it could not be recreated from what is inspected). Those an extension created are left out.
select e.oid,
       e.evtname as name,
       pg_catalog.pg_get_userbyid(e.evtowner) as owner,
       e.evtevent as event,
       pg_catalog.to_json(e.evttags)::text as tags,
       n.nspname as function_schema,
       f.proname as function_name,
       e.evtenabled::text as enabled,
       pg_catalog.obj_description(e.oid, 'pg_event_trigger') as comment
from pg_catalog.pg_event_trigger e
join pg_catalog.pg_proc f on f.oid = e.evtfoid
join pg_catalog.pg_namespace n on n.oid = f.pronamespace
where n.nspname in {{schemas}}
  and not exists (select 1 from pg_catalog.pg_depend d
                  where d.classid = 'pg_catalog.pg_event_trigger'::pg_catalog.regclass and d.objid = e.oid and d.deptype = 'e')
