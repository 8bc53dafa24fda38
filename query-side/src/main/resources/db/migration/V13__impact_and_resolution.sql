-- The impact of a resource follows what each environment it reaches provisioned, and a package's resolution looks
-- for the resource the package provisioned in an environment: resources by the environment and package that
-- provisioned them, now and in the history (V5).
create index resource_by_owner_environment on resource (organization, owner_environment, owner_package);
create index resource_history_by_owner_environment
    on resource_history (organization, owner_environment, owner_package, valid_from_position);

-- A package's resolution as of an instant knows only the packages added by then. A package is never changed or
-- removed, so the position of the event that added it is all the history it needs. Packages projected before this
-- migration have none until the read models are rebuilt from the topic, and count as there from the start.
alter table project_package add column added_position bigint;
