-- Organizations, callers and names are as long as the contract lets them be (docs/http-api.md, Limits), which the
-- services check before anything is recorded; a second bound here could only refuse, too late, what was accepted.
-- From varchar to text PostgreSQL changes no row and rebuilds no index.

alter table applied_event alter column event_id type text, alter column organization type text;
alter table organization_position alter column organization type text;
alter table project alter column organization type text, alter column name type text, alter column owner_team type text, alter column created_by type text;
alter table environment alter column organization type text, alter column name type text, alter column deleted_by type text;
alter table project_package alter column organization type text;
alter table resource alter column organization type text, alter column name type text;
alter table resource_share alter column organization type text, alter column granted_by type text;
alter table environment_default alter column organization type text, alter column set_by type text;
alter table remote_reference alter column organization type text, alter column set_by type text;
alter table resource_type alter column organization type text, alter column set_by type text;
alter table audit_entry alter column organization type text, alter column event_id type text, alter column actor type text, alter column correlation_id type text;
alter table audit_entry_resource alter column organization type text;
alter table audit_entry_project alter column organization type text;
alter table environment_history alter column organization type text, alter column deleted_by type text;
alter table resource_history alter column organization type text, alter column name type text;
alter table resource_share_history alter column organization type text, alter column granted_by type text;
alter table environment_default_history alter column organization type text, alter column set_by type text;
alter table remote_reference_history alter column organization type text, alter column set_by type text;
alter table not_applied_event alter column organization type text;
