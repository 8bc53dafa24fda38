-- Lookups the command side keeps in the same transaction as the events they are built from: which resource belongs
-- to which project, and with whom it is shared. Commands on one project consult them about another project's
-- resources.
CREATE TABLE project_catalog (
    organization VARCHAR(100) NOT NULL,
    project      VARCHAR(20)  NOT NULL,
    owner_team   VARCHAR(200) NOT NULL,
    PRIMARY KEY (organization, project)
);

CREATE TABLE resource_catalog (
    organization  VARCHAR(100) NOT NULL,
    resource_id   UUID         NOT NULL,
    owner_project VARCHAR(20)  NOT NULL,
    type          VARCHAR(63)  NOT NULL,
    origin        VARCHAR(20)  NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    PRIMARY KEY (resource_id)
);

CREATE TABLE resource_share (
    resource_id UUID        NOT NULL,
    project     VARCHAR(20) NOT NULL,
    PRIMARY KEY (resource_id, project)
);
