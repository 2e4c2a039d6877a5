-- Text search dictionaries in the inspected schemas; init options as stored (already SQL: `name = 'value', …`).
select d.oid,
       n.nspname as schema,
       d.dictname as name,
       pg_catalog.pg_get_userbyid(d.dictowner) as owner,
       pg_catalog.obj_description(d.oid, 'pg_ts_dict') as comment,
       pg_catalog.json_build_array(tn.nspname, t.tmplname)::text as template,
       d.dictinitoption as options
from pg_catalog.pg_ts_dict d
join pg_catalog.pg_namespace n on n.oid = d.dictnamespace
join pg_catalog.pg_ts_template t on t.oid = d.dicttemplate
join pg_catalog.pg_namespace tn on tn.oid = t.tmplnamespace
where n.nspname in {{schemas}}
  and not exists (select 1 from pg_catalog.pg_depend dep
                  where dep.classid = 'pg_catalog.pg_ts_dict'::pg_catalog.regclass and dep.objid = d.oid and dep.deptype = 'e')
