-- The query side's read models on PostgreSQL. Ids are the contract's strings; JSON values are text.

-- Every record applied, so that a redelivered one changes nothing, and the position it was given.
create table applied_event (
    event_id     varchar(200)             not null primary key,
    organization varchar(200)             not null,
    position     bigint                   not null,
    type         varchar(100)             not null,
    occurred_at  timestamp with time zone not null,
    applied_at   timestamp with time zone not null,
    constraint applied_event_position unique (organization, position)
);

-- The last position given in each organization: X-Projection-Position.
create table organization_position (
    organization varchar(200) not null primary key,
    position     bigint       not null
);

create table project (
    organization varchar(200) not null,
    id           varchar(20)  not null,
    name         varchar(200) not null,
    owner_team   varchar(200) not null,
    primary key (organization, id)
);

create table environment (
    organization varchar(200) not null,
    id           varchar(41)  not null,
    project      varchar(20)  not null,
    name         varchar(200) not null,
    labels       varchar      not null,
    fork_of      varchar(41),
    primary key (organization, id)
);

create table project_package (
    organization  varchar(200) not null,
    project       varchar(20)  not null,
    name          varchar(20)  not null,
    bundle        varchar(63)  not null,
    resource_type varchar(63)  not null,
    primary key (organization, project, name)
);

create table resource (
    organization      varchar(200) not null,
    id                varchar(36)  not null,
    type              varchar(63)  not null,
    name              varchar(200) not null,
    attributes        varchar      not null,
    status            varchar(20)  not null,
    origin            varchar(20)  not null,
    owner_project     varchar(20)  not null,
    owner_environment varchar(41),
    owner_package     varchar(20),
    primary key (organization, id)
);

create table resource_share (
    organization varchar(200)             not null,
    resource     varchar(36)              not null,
    project      varchar(20)              not null,
    granted_by   varchar(200)             not null,
    since        timestamp with time zone not null,
    primary key (organization, resource, project)
);

create table environment_default (
    organization varchar(200)             not null,
    environment  varchar(41)              not null,
    type         varchar(63)              not null,
    resource     varchar(36)              not null,
    since        timestamp with time zone not null,
    set_by       varchar(200)             not null,
    primary key (organization, environment, type)
);
