-- The service's own role (DATABASE_USER) reads and writes the read models; migrations run as the owner
-- (DATABASE_OWNER). The audit log is a read model too: a rebuild empties it with the others and replays it from the
-- topic, so the service keeps the right to delete it. What may never change is the command side's event store.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "${runtime_role}";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "${runtime_role}";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "${runtime_role}";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "${runtime_role}";
