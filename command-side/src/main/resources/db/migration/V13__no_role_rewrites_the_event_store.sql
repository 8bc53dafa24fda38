-- V12 took UPDATE, DELETE and TRUNCATE of the event store from the service's role; the owner keeps them, and so does a
-- superuser. This trigger refuses them to every role, the owner's and a database administrator's ordinary statement
-- included: a stored event is never changed nor removed. It fires ALWAYS, so not even a session in replica mode
-- (session_replication_role) passes it. Who may drop or disable a trigger may still rewrite history: only a signed
-- history can reveal that (docs/security.md). Snapshots (SnapshotEventEntry) are replaced
-- by Axon and stay changeable.
CREATE FUNCTION refuse_rewriting_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING HINT = 'a stored event is never changed nor removed';
END
$$;

CREATE TRIGGER domainevententry_is_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON DomainEventEntry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewriting_history();
ALTER TABLE DomainEventEntry ENABLE ALWAYS TRIGGER domainevententry_is_append_only;
