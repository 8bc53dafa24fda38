-- The service's own role (DATABASE_USER) reads the event store and appends to it, and nothing more: a stored event is
-- never updated nor deleted, not even by a bug or a hand at the service's connection. Migrations run as the owner
-- (DATABASE_OWNER). With one role for both, that role gives those rights up on the event store all the same.
-- Everything else the service keeps (the publisher's position, snapshots, the catalog, idempotency keys) it changes.
GRANT SELECT, INSERT ON DomainEventEntry TO "${runtime_role}";
REVOKE UPDATE, DELETE, TRUNCATE ON DomainEventEntry FROM "${runtime_role}";
REVOKE UPDATE, DELETE, TRUNCATE ON DomainEventEntry FROM PUBLIC;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "${runtime_role}";
GRANT SELECT, INSERT, UPDATE, DELETE ON SnapshotEventEntry, TokenEntry, project_catalog, resource_catalog,
    resource_share, consumption, resource_type_config, idempotent_request TO "${runtime_role}";
-- tables of later migrations: the service changes them unless a migration says otherwise
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "${runtime_role}";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "${runtime_role}";
