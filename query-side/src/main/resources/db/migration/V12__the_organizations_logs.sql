-- Each organization's log as this side checked it: every event it applied, in the organization's order, as the
-- canonical entry its leaf hash covers (docs/history-proofs.md). The tree's state is the compact range of its perfect
-- subtrees, from which the next leaf is appended and the root follows. Entries and checkpoints are only ever
-- appended to; a rebuild empties entries and trees with the other read models, by TRUNCATE, and replays them from the
-- topic, which gives them back byte for byte.
CREATE TABLE log_entry (
    organization TEXT   NOT NULL,
    log_index    BIGINT NOT NULL,
    event_id     TEXT   NOT NULL UNIQUE,
    entry        BYTEA  NOT NULL,
    leaf_hash    BYTEA  NOT NULL,
    PRIMARY KEY (organization, log_index)
);

CREATE TABLE log_tree (
    organization TEXT PRIMARY KEY,
    size         BIGINT NOT NULL,
    subtrees     BYTEA  NOT NULL,
    root_hash    BYTEA  NOT NULL
);

-- the signed checkpoints the command side published, once their signature verified; one of a size may be issued
-- again later (at least hourly in quiet periods), so a size may have several, all with the same root
CREATE TABLE log_checkpoint (
    organization TEXT        NOT NULL,
    size         BIGINT      NOT NULL,
    root_hash    BYTEA       NOT NULL,
    key_id       TEXT        NOT NULL,
    issued_at    TIMESTAMPTZ NOT NULL,
    note         TEXT        NOT NULL,
    PRIMARY KEY (organization, size, issued_at)
);

CREATE TRIGGER log_entry_is_append_only
    BEFORE UPDATE OR DELETE ON log_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewriting_history();
ALTER TABLE log_entry ENABLE ALWAYS TRIGGER log_entry_is_append_only;
CREATE TRIGGER log_checkpoint_is_append_only
    BEFORE UPDATE OR DELETE ON log_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewriting_history();
ALTER TABLE log_checkpoint ENABLE ALWAYS TRIGGER log_checkpoint_is_append_only;
