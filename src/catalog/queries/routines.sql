-- Functions, procedures, aggregates and window functions in the inspected schemas. Not extension members, and not
-- the constructors PostgreSQL makes for range and multirange types (internal dependency on their type).
-- Argument lists come as parallel JSON arrays over all arguments (proallargtypes order); the reader prints the
-- signature itself, so that names are quoted the same way on every server version.
select p.oid::text as oid,
       n.nspname as schema,
       p.proname as name,
       p.prokind as kind,
       pg_catalog.pg_get_userbyid(p.proowner) as owner,
       ds.description as comment,
       {{acl(p.proacl, 'f', p.proowner) as acl}},
       l.lanname as language,
       p.provolatile as volatility,
       p.proisstrict as strict,
       p.prosecdef as security_definer,
       p.proleakproof as leakproof,
       p.proparallel as parallel,
       p.procost::text as cost,
       p.prorows::text as rows,
       p.proretset as returns_set,
       pg_catalog.format_type(p.prorettype, null) as return_type,
       (select pg_catalog.json_agg(pg_catalog.format_type(a.t, null) order by a.i)
        from pg_catalog.unnest(coalesce(p.proallargtypes, p.proargtypes::pg_catalog.oid[])) with ordinality a(t, i))::text
         as arg_types,
       pg_catalog.to_json(p.proargmodes)::text as arg_modes,
       pg_catalog.to_json(p.proargnames)::text as arg_names,
       case when p.pronargdefaults > 0 then
         (select pg_catalog.json_agg(pg_catalog.pg_get_function_arg_default(p.oid, a.i::int4) order by a.i)
          from pg_catalog.unnest(coalesce(p.proallargtypes, p.proargtypes::pg_catalog.oid[])) with ordinality a(t, i))::text
       end as arg_defaults,
       pg_catalog.to_json(p.proconfig)::text as config,
       (select pg_catalog.json_agg(pg_catalog.format_type(a.t, null) order by a.i)
        from pg_catalog.unnest(p.protrftypes) with ordinality a(t, i))::text as transforms,
       (select pg_catalog.json_build_array(sn.nspname, s.proname)::text
        from pg_catalog.pg_proc s join pg_catalog.pg_namespace sn on sn.oid = s.pronamespace
        where s.oid = p.prosupport) as support,
       p.prosrc as source,
       p.probin as object_file,
       {{pg14: case when p.prosqlbody is not null then pg_catalog.pg_get_function_sqlbody(p.oid) end | null::text}}
         as sql_body
from pg_catalog.pg_proc p
join pg_catalog.pg_namespace n on n.oid = p.pronamespace
join pg_catalog.pg_language l on l.oid = p.prolang
left join pg_catalog.pg_description ds on ds.objoid = p.oid and ds.classoid = 'pg_catalog.pg_proc'::pg_catalog.regclass
                                   and ds.objsubid = 0
where n.nspname in {{schemas}}
  and not exists (select 1 from pg_catalog.pg_depend d
                  where d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass and d.objid = p.oid
                    and d.deptype in ('e', 'i'))
