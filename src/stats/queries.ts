/**
 * The statistics queries (PostgreSQL 13 to 18: only columns every one of them has). Counters are bigint: cast to
 * float8 so every driver returns a number (exact to 2^53); times as ISO text in UTC, so no driver parses them.
 */

const iso = (expr: string): string => `pg_catalog.to_char((${expr}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A relation's `relfrozenxid` age; 0 for relations without one (partitioned tables have xid 0, whose age is 2^31 - 1). */
const xidAge = (xid: string): string => `case when ${xid}::text = '0' then 0 else pg_catalog.age(${xid}) end`;

const USER_SCHEMA = (column: string): string => `${column} not in ('pg_catalog', 'information_schema') and ${column} !~ '^pg_(toast|temp_|toast_temp_)'`;

export const DATABASE_QUERY = `
select pg_catalog.current_database() as database,
  pg_catalog.current_setting('server_version_num')::int4 as version_num,
  ${iso("pg_catalog.now()")} as read_at,
  ${iso("coalesce(s.stats_reset, pg_catalog.pg_postmaster_start_time())")} as counting_since,
  pg_catalog.pg_is_in_recovery() as in_recovery,
  pg_catalog.pg_encoding_to_char(d.encoding) as encoding,
  pg_catalog.age(d.datfrozenxid)::float8 as frozen_xid_age,
  pg_catalog.current_setting('autovacuum_freeze_max_age')::float8 as freeze_max_age
from pg_catalog.pg_database d
left join pg_catalog.pg_stat_database s on s.datid = d.oid
where d.datname = pg_catalog.current_database()`;

export const TABLES_QUERY = `
select s.schemaname as schema, s.relname as name,
  coalesce(s.seq_scan, 0)::float8 as seq_scans, coalesce(s.seq_tup_read, 0)::float8 as seq_rows_read,
  coalesce(s.idx_scan, 0)::float8 as index_scans,
  s.n_live_tup::float8 as live_rows, s.n_dead_tup::float8 as dead_rows,
  s.n_tup_ins::float8 as inserts, s.n_tup_upd::float8 as updates, s.n_tup_del::float8 as deletes,
  s.n_mod_since_analyze::float8 as modified_since_analyze,
  ${iso("greatest(s.last_vacuum, s.last_autovacuum)")} as last_vacuum,
  ${iso("greatest(s.last_analyze, s.last_autoanalyze)")} as last_analyze,
  pg_catalog.pg_table_size(s.relid)::float8 as table_bytes,
  pg_catalog.pg_indexes_size(s.relid)::float8 as index_bytes,
  ${xidAge("c.relfrozenxid")}::float8 as frozen_xid_age
from pg_catalog.pg_stat_user_tables s
join pg_catalog.pg_class c on c.oid = s.relid
order by 1, 2`;

export const INDEXES_QUERY = `
select s.schemaname as schema, s.indexrelname as name, s.relname as table,
  coalesce(s.idx_scan, 0)::float8 as scans, pg_catalog.pg_relation_size(s.indexrelid)::float8 as bytes
from pg_catalog.pg_stat_user_indexes s
order by 1, 2`;

export const SEQUENCES_QUERY = `
select schemaname as schema, sequencename as name, last_value::text as last_value
from pg_catalog.pg_sequences
where ${USER_SCHEMA("schemaname")}
order by 1, 2`;

export const EXTENSIONS_QUERY = `
select e.extname as name, e.extversion as installed, a.default_version as available
from pg_catalog.pg_extension e
join pg_catalog.pg_available_extensions a on a.name = e.extname
order by 1`;

/**
 * Login roles that can reach a table (USAGE on its schema and a DML privilege, however obtained) without owning it
 * (a member of the owning role acts as the owner, whom row-level security spares unless forced). Superusers are
 * left out: they bypass row-level security and every privilege.
 */
export const TABLE_ACCESS_QUERY = `
select * from (
  select n.nspname as schema, c.relname as table, r.rolname as role, r.rolbypassrls as bypass_rls,
    pg_catalog.concat_ws(',',
      -- A column-level grant reaches the table's rows as well as a table-level one.
      case when pg_catalog.has_any_column_privilege(r.oid, c.oid, 'SELECT') then 'SELECT' end,
      case when pg_catalog.has_any_column_privilege(r.oid, c.oid, 'INSERT') then 'INSERT' end,
      case when pg_catalog.has_any_column_privilege(r.oid, c.oid, 'UPDATE') then 'UPDATE' end,
      case when pg_catalog.has_table_privilege(r.oid, c.oid, 'DELETE') then 'DELETE' end) as privileges
  from pg_catalog.pg_class c
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  cross join pg_catalog.pg_roles r
  where c.relkind in ('r', 'p') and not c.relispartition and ${USER_SCHEMA("n.nspname")}
    and r.rolcanlogin and not r.rolsuper and not pg_catalog.pg_has_role(r.oid, c.relowner, 'MEMBER')
    and pg_catalog.has_schema_privilege(r.oid, n.oid, 'USAGE')
) access
where privileges <> ''
order by 1, 2, 3`;
