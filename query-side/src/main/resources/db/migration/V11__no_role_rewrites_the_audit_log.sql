-- The audit log's entries, and the resources and projects they are found by, are only ever appended to: a trigger
-- refuses an UPDATE or a DELETE of them to every role, the owner's and a database administrator's ordinary statement
-- included (the service's role keeps the privileges of V9 on every other table). It fires ALWAYS, so not even a session
-- in replica mode (session_replication_role) passes it. Nothing of the service changes an entry: an event no read
-- model could apply is marked in not_applied_event, beside its entry.
-- The audit log is a read model all the same: the operator's rebuild empties it with the others, by TRUNCATE, which
-- fires no row or UPDATE/DELETE trigger, and replays it from the topic; the service's role is granted TRUNCATE for it.
-- Who may drop or disable a trigger may still rewrite an entry: only a signed history can reveal that
-- (docs/security.md).
CREATE FUNCTION refuse_rewriting_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING HINT = 'an audit entry is never changed nor removed; a rebuild empties the read models by TRUNCATE';
END
$$;

CREATE TRIGGER audit_entry_is_append_only
    BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewriting_history();
ALTER TABLE audit_entry ENABLE ALWAYS TRIGGER audit_entry_is_append_only;
CREATE TRIGGER audit_entry_resource_is_append_only
    BEFORE UPDATE OR DELETE ON audit_entry_resource
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewriting_history();
ALTER TABLE audit_entry_resource ENABLE ALWAYS TRIGGER audit_entry_resource_is_append_only;
CREATE TRIGGER audit_entry_project_is_append_only
    BEFORE UPDATE OR DELETE ON audit_entry_project
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewriting_history();
ALTER TABLE audit_entry_project ENABLE ALWAYS TRIGGER audit_entry_project_is_append_only;

GRANT TRUNCATE ON ALL TABLES IN SCHEMA public TO "${runtime_role}";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT TRUNCATE ON TABLES TO "${runtime_role}";
-- the read models' tables, not the record of the migrations
REVOKE TRUNCATE ON flyway_schema_history FROM "${runtime_role}";
