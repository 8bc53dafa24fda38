-- When and by whom a project was created, for the project views. Rows projected before this migration keep nulls
-- until the read models are rebuilt from the topic.
alter table project add column created_at timestamp with time zone;
alter table project add column created_by varchar(200);

-- A resource's consumers and a project's contents are looked up by columns that are not a key's first ones.
create index environment_default_by_resource on environment_default (organization, resource);
create index remote_reference_by_resource on remote_reference (organization, resource);
create index resource_share_by_project on resource_share (organization, project);
create index resource_by_owner_project on resource (organization, owner_project);
create index environment_by_project on environment (organization, project);
