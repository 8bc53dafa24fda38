-- Events that every read model but the audit log failed to apply, after retries. Such an event still takes its
-- position and its audit entry, so the organization's stream goes on; this row marks the entry as not applied until
-- a rebuild applies the event (the rebuild empties this table with the others). Category and message are written by
-- the query side, never taken from the failure, so they hold no data of the event or of another organization.
create table not_applied_event (
    organization varchar(200)             not null,
    position     bigint                   not null,
    category     varchar(50)              not null,
    read_model   varchar(100),
    message      varchar(500)             not null,
    since        timestamp with time zone not null,
    primary key (organization, position)
);
