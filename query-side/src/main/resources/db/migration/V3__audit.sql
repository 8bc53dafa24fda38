-- One row per applied event, in the organization's order: the audit log. Rows are never changed or deleted.
create table audit_entry (
    organization   varchar(200)             not null,
    position       bigint                   not null,
    event_id       varchar(200)             not null,
    type           varchar(100)             not null,
    occurred_at    timestamp with time zone not null,
    actor          varchar(200)             not null,
    reason         varchar,
    correlation_id varchar(200)             not null,
    project        varchar(20),
    environment    varchar(41),
    resource       varchar(36),
    -- the event as the topic carried it
    data           varchar                  not null,
    primary key (organization, position)
);

create index audit_entry_by_environment on audit_entry (organization, environment, position);
create index audit_entry_by_actor on audit_entry (organization, actor, position);
create index audit_entry_by_type on audit_entry (organization, type, position);
create index audit_entry_by_occurred_at on audit_entry (organization, occurred_at);

-- Every resource an entry is about: its subject and one it replaced, so that `resource=` finds a default or
-- reference that released the resource as well as the one that set it.
create table audit_entry_resource (
    organization varchar(200) not null,
    resource     varchar(36)  not null,
    position     bigint       not null,
    primary key (organization, resource, position)
);

-- Every project an entry concerns: its own and, for shares and revocations, the project that receives them.
create table audit_entry_project (
    organization varchar(200) not null,
    project      varchar(20)  not null,
    position     bigint       not null,
    primary key (organization, project, position)
);
