-- Text search configurations in the inspected schemas. Mappings in the parser's token type order, each with its
-- dictionaries in the order they are consulted, as JSON [token alias, [[schema, dictionary], …]].
select c.oid,
       n.nspname as schema,
       c.cfgname as name,
       pg_catalog.pg_get_userbyid(c.cfgowner) as owner,
       pg_catalog.obj_description(c.oid, 'pg_ts_config') as comment,
       pg_catalog.json_build_array(pn.nspname, p.prsname)::text as parser,
       (select pg_catalog.json_agg(pg_catalog.json_build_array(m.alias, m.dictionaries) order by m.tokid)
        from (select t.tokid, t.alias,
                     pg_catalog.json_agg(pg_catalog.json_build_array(dn.nspname, d.dictname) order by cm.mapseqno)
                       as dictionaries
              from pg_catalog.pg_ts_config_map cm
              join pg_catalog.ts_token_type(c.cfgparser) t on t.tokid = cm.maptokentype
              join pg_catalog.pg_ts_dict d on d.oid = cm.mapdict
              join pg_catalog.pg_namespace dn on dn.oid = d.dictnamespace
              where cm.mapcfg = c.oid
              group by t.tokid, t.alias) m)::text as mappings
from pg_catalog.pg_ts_config c
join pg_catalog.pg_namespace n on n.oid = c.cfgnamespace
join pg_catalog.pg_ts_parser p on p.oid = c.cfgparser
join pg_catalog.pg_namespace pn on pn.oid = p.prsnamespace
where n.nspname in {{schemas}}
  and not exists (select 1 from pg_catalog.pg_depend d
                  where d.classid = 'pg_catalog.pg_ts_config'::pg_catalog.regclass and d.objid = c.oid and d.deptype = 'e')
