-- A deleted environment keeps its row: its id is never used again, and views as of an earlier instant still need it.
alter table environment add column deleted_at timestamp with time zone;
alter table environment add column deleted_by varchar(200);

-- Each environment's remote references: one resource per package, which replaces the one before.
create table remote_reference (
    organization varchar(200)             not null,
    environment  varchar(41)              not null,
    package_name varchar(20)              not null,
    resource     varchar(36)              not null,
    since        timestamp with time zone not null,
    set_by       varchar(200)             not null,
    primary key (organization, environment, package_name)
);

-- Types an organization admin configured; a type not listed here keeps its built-in defaultability.
create table resource_type (
    organization varchar(200)             not null,
    type         varchar(63)              not null,
    defaultable  boolean                  not null,
    since        timestamp with time zone not null,
    set_by       varchar(200)             not null,
    primary key (organization, type)
);
