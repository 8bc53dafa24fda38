-- Each organization's log as the publisher keeps it (docs/history-proofs.md): the size of its tree and the hashes of
-- its perfect subtrees, largest first, 32 bytes each (transparency's CompactRange), and the root they give. Written in
-- the publishing processor's transaction, with its token; a tree only grows.
CREATE TABLE log_tree (
    organization TEXT                     PRIMARY KEY,
    size         BIGINT                   NOT NULL CHECK (size >= 0),
    subtrees     ${binary_type}           NOT NULL,
    root_hash    ${binary_type}           NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE FUNCTION refuse_shrinking_a_log() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.size < OLD.size THEN
        RAISE EXCEPTION 'the log of % has % entries: it cannot shrink to %', OLD.organization, OLD.size, NEW.size;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER log_tree_only_grows
    BEFORE UPDATE ON log_tree
    FOR EACH ROW EXECUTE FUNCTION refuse_shrinking_a_log();

-- The signed checkpoints issued, each once Kafka acknowledged it: append-only, as the event store is (V13).
CREATE TABLE log_checkpoint (
    organization TEXT                     NOT NULL,
    size         BIGINT                   NOT NULL,
    root_hash    ${binary_type}           NOT NULL,
    key_id       CHAR(8)                  NOT NULL,
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    note         TEXT                     NOT NULL,
    PRIMARY KEY (organization, size, issued_at)
);

CREATE TRIGGER log_checkpoint_is_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON log_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewriting_history();
ALTER TABLE log_checkpoint ENABLE ALWAYS TRIGGER log_checkpoint_is_append_only;

-- V12's default privileges gave the service's role everything on new tables: it reads and writes the trees but never
-- deletes one, and only reads and appends checkpoints.
REVOKE DELETE, TRUNCATE ON log_tree FROM "${runtime_role}";
REVOKE UPDATE, DELETE, TRUNCATE ON log_checkpoint FROM "${runtime_role}";
REVOKE UPDATE, DELETE, TRUNCATE ON log_checkpoint FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE ON log_tree TO "${runtime_role}";
GRANT SELECT, INSERT ON log_checkpoint TO "${runtime_role}";
