-- An environment consumes a resource by default (one per type) or by remote reference (one per package): one table
-- keyed by the way of consuming and its slot, the type or the package, and one history of it, instead of a pair for
-- each way. The rows projected so far move over as they are, history included, so no rebuild is needed.

create table consumption (
    organization text                     not null,
    environment  varchar(41)              not null,
    via          varchar(20)              not null check (via in ('default', 'remote-reference')),
    slot         varchar(63)              not null,
    resource     varchar(36)              not null,
    since        timestamp with time zone not null,
    set_by       text                     not null,
    primary key (organization, environment, via, slot)
);

create index consumption_by_resource on consumption (organization, resource);

-- The same columns, each version valid over an interval of positions (V5)
create table consumption_history (
    like consumption including constraints,
    valid_from          timestamp with time zone not null,
    valid_from_position bigint                   not null,
    valid_to            timestamp with time zone,
    valid_to_position   bigint,
    primary key (organization, environment, via, slot, valid_from_position)
);

create index consumption_history_by_resource on consumption_history (organization, resource, valid_from_position);

insert into consumption (organization, environment, via, slot, resource, since, set_by)
select organization, environment, 'default', type, resource, since, set_by from environment_default
union all
select organization, environment, 'remote-reference', package_name, resource, since, set_by from remote_reference;

insert into consumption_history (organization, environment, via, slot, resource, since, set_by,
                                 valid_from, valid_from_position, valid_to, valid_to_position)
select organization, environment, 'default', type, resource, since, set_by,
       valid_from, valid_from_position, valid_to, valid_to_position
from environment_default_history
union all
select organization, environment, 'remote-reference', package_name, resource, since, set_by,
       valid_from, valid_from_position, valid_to, valid_to_position
from remote_reference_history;

drop table environment_default_history, remote_reference_history, environment_default, remote_reference;

-- V9's default privileges give the service's role these tables when the owner creates them; said again, in case a
-- database was migrated as another role.
GRANT SELECT, INSERT, UPDATE, DELETE ON consumption, consumption_history TO "${runtime_role}";
