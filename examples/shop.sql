-- A small shop schema, used by the README's quick start: `npx pg-schema inspect examples/shop.sql`.
create extension if not exists citext;

create schema shop;
comment on schema shop is 'Orders and the people who place them';

create type shop.order_status as enum ('pending', 'paid', 'shipped', 'cancelled');
create domain shop.money_cents as bigint check (value >= 0);

create table shop.customer (
  id bigint generated always as identity primary key,
  email citext not null unique,
  name text not null,
  created_at timestamptz not null default now()
);
comment on table shop.customer is 'A person who can place orders';

create table shop.product (
  id bigint generated always as identity primary key,
  sku text not null,
  title text not null,
  price shop.money_cents not null,
  attributes jsonb not null default '{}',
  constraint product_sku_key unique (sku)
);
create index product_attributes_idx on shop.product using gin (attributes jsonb_path_ops);

create table shop."order" (
  id bigint generated always as identity primary key,
  customer_id bigint not null references shop.customer (id) on delete restrict,
  status shop.order_status not null default 'pending',
  placed_at timestamptz not null default now(),
  shipped_at timestamptz,
  constraint shipped_after_placed check (shipped_at is null or shipped_at >= placed_at)
);
create index order_customer_id_idx on shop."order" (customer_id);
create index order_open_idx on shop."order" (placed_at) where status in ('pending', 'paid');

create table shop.order_line (
  order_id bigint not null references shop."order" (id) on delete cascade,
  line_no int not null,
  product_id bigint not null references shop.product (id),
  quantity int not null check (quantity > 0),
  unit_price shop.money_cents not null,
  primary key (order_id, line_no)
);
create index order_line_product_id_idx on shop.order_line (product_id);

create view shop.order_total as
  select o.id as order_id, o.customer_id, coalesce(sum(l.quantity * l.unit_price), 0) as total_cents
  from shop."order" o left join shop.order_line l on l.order_id = o.id
  group by o.id;

create function shop.touch_shipped() returns trigger language plpgsql as $$
begin
  if new.status = 'shipped' and new.shipped_at is null then
    new.shipped_at := now();
  end if;
  return new;
end $$;
create trigger order_shipped before update of status on shop."order"
  for each row execute function shop.touch_shipped();

alter table shop."order" enable row level security;
create policy customer_sees_own_orders on shop."order" for select
  using (customer_id = nullif(current_setting('app.customer_id', true), '')::bigint);
