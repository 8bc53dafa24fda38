-- Point-in-time answers (`?at=`): each read model that an `at` answer needs also keeps its rows as validity
-- intervals. An event closes the row it replaces (valid_to) and opens the one it sets (valid_from); nothing is ever
-- deleted. Intervals are kept both as instants and as the organization's positions: `at` is turned into the last
-- position whose event occurred at or before it, and rows are picked by position, so events sharing one microsecond
-- still resolve to the later one. A row is valid at position p when valid_from_position <= p and
-- (valid_to_position is null or valid_to_position > p). Events projected before this migration have no history rows
-- until the read models are rebuilt from the topic.

-- From an instant to the last position at or before it.
create index applied_event_by_occurred_at on applied_event (organization, occurred_at, position);

-- Each environment from its creation to its deletion: one row, as its id is never used again.
create table environment_history (
    organization        varchar(200)             not null,
    id                  varchar(41)              not null,
    project             varchar(20)              not null,
    valid_from          timestamp with time zone not null,
    valid_from_position bigint                   not null,
    valid_to            timestamp with time zone,
    valid_to_position   bigint,
    deleted_by          varchar(200),
    primary key (organization, id)
);

-- Each version of each resource: a reconfiguration or decommissioning closes one and opens the next.
create table resource_history (
    organization        varchar(200)             not null,
    id                  varchar(36)              not null,
    type                varchar(63)              not null,
    name                varchar(200)             not null,
    attributes          varchar                  not null,
    status              varchar(20)              not null,
    origin              varchar(20)              not null,
    owner_project       varchar(20)              not null,
    owner_environment   varchar(41),
    owner_package       varchar(20),
    valid_from          timestamp with time zone not null,
    valid_from_position bigint                   not null,
    valid_to            timestamp with time zone,
    valid_to_position   bigint,
    primary key (organization, id, valid_from_position)
);

create table resource_share_history (
    organization        varchar(200)             not null,
    resource            varchar(36)              not null,
    project             varchar(20)              not null,
    granted_by          varchar(200)             not null,
    since               timestamp with time zone not null,
    valid_from          timestamp with time zone not null,
    valid_from_position bigint                   not null,
    valid_to            timestamp with time zone,
    valid_to_position   bigint,
    primary key (organization, resource, project, valid_from_position)
);

create table environment_default_history (
    organization        varchar(200)             not null,
    environment         varchar(41)              not null,
    type                varchar(63)              not null,
    resource            varchar(36)              not null,
    since               timestamp with time zone not null,
    set_by              varchar(200)             not null,
    valid_from          timestamp with time zone not null,
    valid_from_position bigint                   not null,
    valid_to            timestamp with time zone,
    valid_to_position   bigint,
    primary key (organization, environment, type, valid_from_position)
);

create index environment_default_history_by_resource
    on environment_default_history (organization, resource, valid_from_position);

create table remote_reference_history (
    organization        varchar(200)             not null,
    environment         varchar(41)              not null,
    package_name        varchar(20)              not null,
    resource            varchar(36)              not null,
    since               timestamp with time zone not null,
    set_by              varchar(200)             not null,
    valid_from          timestamp with time zone not null,
    valid_from_position bigint                   not null,
    valid_to            timestamp with time zone,
    valid_to_position   bigint,
    primary key (organization, environment, package_name, valid_from_position)
);

create index remote_reference_history_by_resource
    on remote_reference_history (organization, resource, valid_from_position);
