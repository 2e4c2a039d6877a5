-- The pg_aggregate row of each aggregate in the inspected schemas, joined to its routine by oid. The support
-- functions come as one JSON object {role: [schema, name]} (unset roles absent); the reader quotes the names.
select a.aggfnoid::pg_catalog.oid::text as oid,
       a.aggkind as kind,
       a.aggnumdirectargs as direct_args,
       f.functions,
       pg_catalog.format_type(a.aggtranstype, null) as state_type,
       a.aggtransspace as state_space,
       a.aggfinalextra as final_extra,
       a.aggfinalmodify as final_modify,
       a.agginitval as initial_value,
       case when a.aggmtranstype <> 0 then pg_catalog.format_type(a.aggmtranstype, null) end as moving_state_type,
       a.aggmtransspace as moving_state_space,
       a.aggmfinalextra as moving_final_extra,
       a.aggmfinalmodify as moving_final_modify,
       a.aggminitval as moving_initial_value,
       (select pg_catalog.json_build_array(opn.nspname, o.oprname)::text
        from pg_catalog.pg_operator o join pg_catalog.pg_namespace opn on opn.oid = o.oprnamespace
        where o.oid = a.aggsortop) as sort_operator
from pg_catalog.pg_aggregate a
join pg_catalog.pg_proc p on p.oid = a.aggfnoid
join pg_catalog.pg_namespace n on n.oid = p.pronamespace
cross join lateral (
  select pg_catalog.json_object_agg(r.role, pg_catalog.json_build_array(fn.nspname, fp.proname))::text as functions
  from (values ('transition', a.aggtransfn::pg_catalog.oid), ('final', a.aggfinalfn::pg_catalog.oid),
               ('combine', a.aggcombinefn::pg_catalog.oid), ('serial', a.aggserialfn::pg_catalog.oid),
               ('deserial', a.aggdeserialfn::pg_catalog.oid), ('movingTransition', a.aggmtransfn::pg_catalog.oid),
               ('movingInverse', a.aggminvtransfn::pg_catalog.oid), ('movingFinal', a.aggmfinalfn::pg_catalog.oid)) r(role, oid)
  join pg_catalog.pg_proc fp on fp.oid = r.oid
  join pg_catalog.pg_namespace fn on fn.oid = fp.pronamespace
) f
where n.nspname in {{schemas}}
