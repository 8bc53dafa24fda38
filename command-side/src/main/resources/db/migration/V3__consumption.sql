-- Who consumes each resource, and which types an organization made (not) defaultable. Like the rest of the
-- catalog, written in the transaction of the events it is built from.
CREATE TABLE consumption (
    organization VARCHAR(100) NOT NULL,
    environment  VARCHAR(41)  NOT NULL,
    via          VARCHAR(20)  NOT NULL,
    -- the type of a default, the package of a remote reference
    slot         VARCHAR(63)  NOT NULL,
    project      VARCHAR(20)  NOT NULL,
    resource_id  UUID         NOT NULL,
    PRIMARY KEY (organization, environment, via, slot)
);

CREATE INDEX consumption_by_resource ON consumption (resource_id);

CREATE TABLE resource_type_config (
    organization VARCHAR(100) NOT NULL,
    type         VARCHAR(63)  NOT NULL,
    defaultable  BOOLEAN      NOT NULL,
    PRIMARY KEY (organization, type)
);
